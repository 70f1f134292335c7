namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>One row of <c>fao_observations</c>.</summary>
public readonly record struct FaoObservation(FaoArea Area, FaoMeasure Measure);
