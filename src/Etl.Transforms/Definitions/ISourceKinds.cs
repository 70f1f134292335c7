namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// The source kinds the pipeline knows and how each reads its <c>options</c>. The connectors provide it
/// (<c>SourceConnectors.Kinds</c>); definitions depend on this, not on the connectors, so the layers point one way.
/// </summary>
public interface ISourceKinds
{
    IReadOnlyList<string> Names { get; }

    /// <summary>Validates a definition's <c>options</c> object (null when absent) into the kind's options record.</summary>
    object? ReadOptions(string kind, JsonFields? options, string pipelinesDir);
}
