namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>A series of a BIE response (newest observation first, as published).</summary>
public sealed record BieRawSeries(int Index, string Indicator, string Freq, string? Unit, string? UnitMult, string? Topic,
    string? LastUpdate, IReadOnlyList<BieRawObservation> Observations);
