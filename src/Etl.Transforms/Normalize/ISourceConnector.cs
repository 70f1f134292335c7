using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Parquet;
using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Pull;

namespace ClusterEtl.Transforms.Normalize;

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

/// <summary>A lake table: <c>lake/normalized/&lt;Name&gt;/source=&lt;id&gt;/[year=&lt;y&gt;/]part-*.parquet</c>.</summary>
/// <param name="ByYear">Partitioned by year under the source (a backfill replaces single years).</param>
/// <param name="Columns">A fresh set of the table's columns; defines the schema of an empty table.</param>
public sealed record NormalizedTable(string Name, bool ByYear, Func<ParquetColumn[]> Columns)
{
    /// <summary>A glob matching every file of the table under the normalized folder.</summary>
    public string Glob(string normalizedDir) =>
        Path.Combine(normalizedDir, Name, ByYear ? "*/*/*.parquet" : "*/*.parquet").Replace('\\', '/');
}

/// <summary>What a pull has at hand.</summary>
public sealed record PullContext(DataLayout Layout, SourceDefinition Source, SourcePuller Puller, string RunId);

/// <summary>A pulled file: its role (<c>data</c>, <c>country_codes</c>, …), full path and path as shown to users.</summary>
public sealed record SourceFile(string Role, string Path, string Display);

/// <summary>What a normalization has at hand.</summary>
/// <param name="Files">The files pulled for the source in this run.</param>
/// <param name="ExtractId">Id of the extract (first 16 hex of the data file's SHA-256), written on every row.</param>
/// <param name="OutputRoot">Folder receiving <c>&lt;table&gt;/source=&lt;id&gt;/…</c>.</param>
/// <param name="QuarantineRoot">Folder receiving <c>source=&lt;id&gt;/quarantine.parquet</c>.</param>
/// <param name="Years">A backfill's year range: rows of other years are skipped and counted.</param>
/// <param name="Definitions">The loaded definitions and reference data (countries, FAO items, Mexico).</param>
public sealed record NormalizeContext(
    SourceDefinition Source,
    IReadOnlyList<SourceFile> Files,
    string ExtractId,
    string OutputRoot,
    string QuarantineRoot,
    (int First, int Last)? Years,
    PipelineDefinitions? Definitions)
{
    public SourceFile Data => File("data") ?? throw new PipelineException("normalize", "no data file was pulled",
        "Rerun the whole pipeline.", Source.Id);

    public SourceFile? File(string role) => Files.FirstOrDefault(f => f.Role == role);

    /// <summary>Every data file: role <c>data</c>, or <c>data:…</c> for a source pulled as several files (a folder, API pages), in role order.</summary>
    public IReadOnlyList<SourceFile> DataFiles =>
        Files.Where(f => f.Role == "data" || f.Role.StartsWith("data:", StringComparison.Ordinal))
            .OrderBy(f => f.Role, StringComparer.Ordinal).ToList();
}

/// <summary>What normalizing one source produced.</summary>
/// <param name="Vintage">The classification vintage of the products, where the source has one (HS92 …), else "".</param>
/// <param name="OutsideYears">Rows skipped because a backfill asked for other years only.</param>
/// <param name="DuplicatesDropped">Exact copies of a row already read, dropped (see <see cref="TradeFlowDuplicates"/>).</param>
public sealed record NormalizeResult(long Rows, long Quarantined, IReadOnlyList<int> Years, string Vintage, IReadOnlyList<string> Files,
    long OutsideYears = 0, long DuplicatesDropped = 0);
