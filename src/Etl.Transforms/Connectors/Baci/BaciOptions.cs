namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>Options of a CEPII BACI source.</summary>
/// <param name="CountryCodes">The country-code file (path or URL); null to use the one inside the BACI zip.</param>
/// <param name="HsVintage">HS92 … HS22; null to read it from the BACI file names.</param>
public sealed record BaciOptions(string? CountryCodes, string? HsVintage);
