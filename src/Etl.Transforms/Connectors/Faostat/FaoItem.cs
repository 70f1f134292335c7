namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>An item: FAO code and CPC (either may be missing from the file and resolved through the item reference).</summary>
public sealed record FaoItem(int? CodeFao, string? CodeCpc, string Name, bool InReference);
