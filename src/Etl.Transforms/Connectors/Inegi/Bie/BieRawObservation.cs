namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>An observation as the API gives it, with its position for messages.</summary>
public sealed record BieRawObservation(int Index, string TimePeriod, string ObsValue, string? ObsStatus, string Json);
