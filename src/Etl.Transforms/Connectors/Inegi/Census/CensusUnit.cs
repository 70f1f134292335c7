namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>One row of a Censos Económicos (SAIC) export as normalized (a row of <c>lake/normalized/census_units</c>).</summary>
/// <param name="StateKey">"00" for the national total, else the 2-digit state key.</param>
/// <param name="AreaLevel">national, state or municipality.</param>
/// <param name="ScianCode">The code inside the activity label; null for a "Total …" activity row.</param>
/// <param name="IsTotal">The area or the activity is a published total ("Total nacional", "Total estatal", "Total …").</param>
/// <param name="Suppressed">Some measure was withheld for confidentiality: it is null here, never zero.</param>
public sealed record CensusUnit(
    int CensusYear, string StateKey, string StateName, string? MunicipalityKey, string? MunicipalityName, string AreaLevel,
    string? SizeStratum, string? ScianCode, string? ScianLevel, string ActivityLabel, bool IsTotal,
    long? Units, long? Employment, double? GrossProduction, double? ValueAdded, bool Suppressed, string? SuppressedColumns);
