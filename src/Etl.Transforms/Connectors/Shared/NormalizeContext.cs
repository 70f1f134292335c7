using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Connectors.Shared;

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
        DataRoles.InOrder(Files, f => f.Role);
}
