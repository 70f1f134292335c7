namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>A SCIAN code read from a SAIC activity label, with its level.</summary>
public sealed record CensusActivity(string Code, string Level, string Title);
