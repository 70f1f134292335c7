namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>A BACI country: its numeric code (not always ISO numeric: 842 USA, 251 France) and ISO3.</summary>
/// <param name="Iso3">ISO3, or null for BACI's groupings without one ("Other Asia, nes" has N/A).</param>
public sealed record BaciCountry(int Code, string CodeText, string? Iso3, string Name);
