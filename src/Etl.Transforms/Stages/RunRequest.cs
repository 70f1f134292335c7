using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Definitions;
namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// Everything a stage job needs, as plain serialisable values, so the same job can run in this process
/// (Hangfire.InMemory) or on another worker (Hangfire.PostgreSql).
/// </summary>
/// <param name="RunId">Id of the run; names the run ledger folder and the staging area.</param>
/// <param name="PipelinesDir">Absolute path of the definitions folder.</param>
/// <param name="DataDir">Absolute path of the data folder.</param>
/// <param name="SqlDir">Absolute path of the SQL models folder.</param>
/// <param name="Force">Normalize and rebuild even when the inputs did not change.</param>
/// <param name="Sources">Source ids to pull and normalize, or null for all; the warehouse is rebuilt from the
/// whole lake either way, so the marts of every source stay in.</param>
/// <param name="Years">A backfill's year range [first, last]: only those year partitions are normalized again and
/// replaced, the others are kept. Null for a whole normalization.</param>
/// <param name="AsOf">Sources to rebuild "as of" an earlier extract: source id -> extract id of the raw store. Such a source
/// is not fetched; its stored extract is normalized instead (nothing in <c>raw/</c> is deleted, and the next run without it
/// returns to the newest extract). Null or empty: every source as last fetched.</param>
public sealed record RunRequest(string RunId, string PipelinesDir, string DataDir, string SqlDir, bool Force = false,
    string[]? Sources = null, int[]? Years = null, Dictionary<string, string>? AsOf = null)
{
    /// <summary>The extract id a source is pinned to by <see cref="AsOf"/>, or null.</summary>
    public string? AsOfExtract(string source) => AsOf?.GetValueOrDefault(source);

    /// <summary>The backfill year range, or null.</summary>
    public (int First, int Last)? YearRange => Years is [var first, var last] ? (first, last) : null;

    /// <summary>The sources of the definitions this run pulls and normalizes.</summary>
    public IReadOnlyList<SourceDefinition> SelectSources(PipelineDefinitions definitions)
    {
        if (Sources is null) return definitions.Sources;
        foreach (var id in Sources.Where(id => definitions.Sources.All(s => s.Id != id)))
            throw new PipelineException("pull", $"unknown source '{id}'",
                $"Known sources: {string.Join(", ", definitions.Sources.Select(s => s.Id))}.");
        return definitions.Sources.Where(s => Sources.Contains(s.Id)).ToList();
    }

    public static string NewRunId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";

    public DataLayout Layout => new(DataDir);

    /// <summary>How the dashboard names a stage job's run ("pull (run 20250101T000000Z-ab12cd)"): the run id, and what a
    /// partial run refreshes; never the folders.</summary>
    public override string ToString() =>
        RunId + (Sources is null ? "" : $", {string.Join(", ", Sources)}") + (YearRange is { } y ? $" years {y.First}-{y.Last}" : "") +
        (AsOf is { Count: > 0 } ? $" as of {string.Join(", ", AsOf.Select(a => $"{a.Key}={a.Value}"))}" : "");
}
