namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>A pulled file: its role (<c>data</c>, <c>country_codes</c>, …), full path and path as shown to users.</summary>
public sealed record SourceFile(string Role, string Path, string Display);
