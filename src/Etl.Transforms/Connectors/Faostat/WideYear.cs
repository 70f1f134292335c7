namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>A year's columns in the wide layout.</summary>
public sealed record WideYear(int Year, int Value, int Flag, int Note);
