using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Stages;

/// <summary>The files a run pulled, per source: the input of the normalize stage.</summary>
public sealed record PulledSource(string Source, IReadOnlyList<ManifestEntry> Files);
