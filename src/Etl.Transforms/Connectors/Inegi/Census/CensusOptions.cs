namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>Options of a Censos Económicos (SAIC export) source.</summary>
/// <param name="Encoding">"windows-1252", "latin-1" or "utf-8" to force one; null detects.</param>
public sealed record CensusOptions(string? Encoding);
