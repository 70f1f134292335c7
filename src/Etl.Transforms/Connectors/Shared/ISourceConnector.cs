using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// A connector: one source kind (<c>baci</c>, <c>comtrade</c>, <c>faostat</c>, …). It validates the kind's
/// options, says which files to pull, and normalizes the pulled files into one or more lake tables. The
/// pipeline stages do the rest (skip unchanged inputs, stage the output, swap it into the lake atomically).
/// Register a new connector in <see cref="SourceConnectors"/>.
/// </summary>
public interface ISourceConnector
{
    /// <summary>The <c>kind</c> of a source definition.</summary>
    string Kind { get; }

    /// <summary>Changes whenever the output changes for the same input, so normalized data is rebuilt.</summary>
    string Version { get; }

    /// <summary>The lake tables this connector writes, each under <c>&lt;table&gt;/source=&lt;id&gt;/</c>.</summary>
    IReadOnlyList<NormalizedTable> Tables { get; }

    /// <summary>
    /// The files of <c>pipelines/reference/</c> its output depends on (codes resolved at normalize time): part of the
    /// source's fingerprint, so editing one normalizes the source again. None by default.
    /// </summary>
    IReadOnlyList<string> ReferenceFiles => [];

    /// <summary>Validates the definition's <c>options</c> object (null when absent) into the kind's options record.</summary>
    /// <param name="pipelinesDir">The pipelines folder, to resolve relative paths (<see cref="PipelineDefinitions.ResolveLocation"/>).</param>
    object? ReadOptions(JsonFields? options, string pipelinesDir);

    /// <summary>Brings the source's files into the raw store. By default: the location as role <c>data</c>.</summary>
    async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext context, CancellationToken ct) =>
        [await context.Puller.PullAsync(context.Layout, context.Source, "data", context.Source.Location, context.RunId, ct)];

    /// <summary>
    /// Writes the tables under <see cref="NormalizeContext.OutputRoot"/> and the quarantine under
    /// <see cref="NormalizeContext.QuarantineRoot"/> (always, even empty: see <see cref="QuarantineWriter"/>).
    /// </summary>
    Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct);
}
