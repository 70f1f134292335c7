using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>What a pull has at hand.</summary>
public sealed record PullContext(DataLayout Layout, SourceDefinition Source, SourcePuller Puller, string RunId);
