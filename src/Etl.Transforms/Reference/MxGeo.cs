namespace ClusterEtl.Transforms.Reference;

/// <summary>An INEGI geographic unit: a state (2-digit key) or a municipality (5-digit key).</summary>
public sealed record MxGeo(string InegiKey, string Level, string Name, string StateKey);
