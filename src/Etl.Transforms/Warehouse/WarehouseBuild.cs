namespace ClusterEtl.Transforms.Warehouse;

/// <summary>What a build did: from scratch or from the previous build, and each model's result.</summary>
public sealed record WarehouseBuild(string Mode, string? PreviousRunId, IReadOnlyList<ModelResult> Models);
