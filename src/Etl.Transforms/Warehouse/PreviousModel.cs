namespace ClusterEtl.Transforms.Warehouse;

/// <summary>A model as the previous build stored it (<c>meta.models</c>): the hash of its query and config.</summary>
public sealed record PreviousModel(string Hash, string? PartitionBy);
