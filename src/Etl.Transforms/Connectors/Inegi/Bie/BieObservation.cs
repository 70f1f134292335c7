namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>One observation of a BIE series as normalized (a row of <c>lake/normalized/indicator_series</c>).</summary>
/// <param name="Period">As published: 2024/07 (month), 2024/02 (quarter), 2024 (year).</param>
/// <param name="PeriodStart">First day of the period, yyyy-MM-dd.</param>
/// <param name="Value">Null when OBS_VALUE is empty (missing, not zero).</param>
public sealed record BieObservation(
    string IndicatorId, string Area, string Frequency, string FrequencyCode, string Period, int Year, int? Month, int? Quarter,
    string PeriodStart, double? Value, string? ObsStatus, string? Unit, string? UnitMult, string? Topic, string? LastUpdate,
    string ExtractId);
