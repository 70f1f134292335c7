namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>One DENUE establishment as normalized (a row of <c>lake/normalized/establishments</c>).</summary>
public sealed record DenueEstablishment(
    long Id, string? Clee, string Name, string? LegalName, string ScianCode, string? ActivityName, DenueSizeBand Band,
    string StateKey, string StateName, string MunicipalityKey, string MunicipalityName, string? LocalityKey, string? LocalityName,
    string? UnitType, double? Latitude, double? Longitude, string? RegisteredMonth);
