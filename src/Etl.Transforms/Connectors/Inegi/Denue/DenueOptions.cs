namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>Options of a DENUE source.</summary>
/// <param name="Encoding">"windows-1252", "latin-1" or "utf-8" to force one; null detects (BOM, valid UTF-8, else Windows-1252).</param>
public sealed record DenueOptions(string? Encoding);
