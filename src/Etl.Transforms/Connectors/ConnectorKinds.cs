using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors;

/// <summary>The kinds of <see cref="SourceConnectors.All"/>, for loading definitions.</summary>
public sealed class ConnectorKinds : ISourceKinds
{
    public IReadOnlyList<string> Names => SourceConnectors.All.Select(c => c.Kind).ToList();

    public object? ReadOptions(string kind, JsonFields? options, string pipelinesDir) =>
        SourceConnectors.For(kind).ReadOptions(options, pipelinesDir);
}
