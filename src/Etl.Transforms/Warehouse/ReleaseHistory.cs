using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The history <c>marts.release_diffs</c> compares with: the sets of extracts the builds read (<c>meta.build_extracts</c>,
/// one number per set: a build of the same extracts as the build before it keeps the number) and the headline cluster
/// indicators of each set's first and latest build (<c>meta.indicator_history</c>). The meta schema is made anew by each
/// build, so the kept rows are carried from the published warehouse (a forced build's too); a new set is added before the
/// models run, the indicators after; then only this set and the sets <c>intermediate.int_source_releases</c> names are kept
/// (at most 1 + 2 x sources).
/// </summary>
public static class ReleaseHistory
{
    public static readonly string[] Tables = ["meta.build_extracts", "meta.indicator_history"];
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ReleaseHistory));

    /// <summary>Carries the kept history of <paramref name="publishedWarehouse"/> (when any) and adds this build's set of
    /// extracts when it is not the latest one's.</summary>
    /// <returns>Whether the history changed since the published build: a new set of extracts (what reads it must be computed again).</returns>
    public static bool Start(DuckDBConnection c, string? publishedWarehouse, string runId, IReadOnlyList<BuildExtract> extracts)
    {
        if (publishedWarehouse is not null && File.Exists(publishedWarehouse)) Carry(c, publishedWarehouse);
        var head = c.Scalar<int?>("SELECT max(build_number) FROM meta.build_extracts");
        var latest = head is null ? [] : c.Rows("SELECT source, extract_id, as_of FROM meta.build_extracts WHERE build_number = $1 ORDER BY source", head)
            .Select(r => $"{r[0]} {r[1]} {r[2]}").ToList();
        var now = extracts.OrderBy(e => e.Source, StringComparer.Ordinal).Select(e => $"{e.Source} {e.ExtractId} {e.AsOf}").ToList();
        if (head is not null && latest.SequenceEqual(now)) return false;
        var number = (head ?? 0) + 1;
        c.AppendByName("meta", "build_extracts",
            ["build_number", "first_run_id", "last_run_id", "source", "extract_id", "extract_fetched_at", "newest_extract_id", "as_of"],
            extracts.Select(e => new object?[] { number, runId, runId, e.Source, e.ExtractId, e.FetchedAt, e.NewestExtractId, e.AsOf }));
        if (head is not null) Log.Information("Another set of extracts than the published build's: release_diffs compares them");
        return true;
    }

    static void Carry(DuckDBConnection c, string publishedWarehouse)
    {
        try
        {
            c.Execute($"ATTACH {DuckDb.Literal(publishedWarehouse)} AS published_build (READ_ONLY)");
            try
            {
                foreach (var table in Tables)
                    if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'published_build' AND schema_name = 'meta' " +
                                       "AND table_name = $1", table.Split('.')[1]) > 0)
                        c.Execute($"INSERT INTO {table} BY NAME SELECT * FROM published_build.{table}");
            }
            finally
            {
                c.Execute("DETACH published_build");
            }
        }
        catch (DuckDBException e)
        {
            // Another DuckDB version, or a history of another shape: it starts again (release_diffs is empty until the next release).
            Log.Warning("The release history of the published warehouse cannot be read ({Reason}): it starts again", e.Message);
            foreach (var table in Tables) c.Execute($"DELETE FROM {table}");
        }
    }

    /// <summary>Stores this build's indicators as the latest (and, for a new set, the first) of its set, and drops the sets no
    /// release comparison needs.</summary>
    public static void Finish(DuckDBConnection c, string runId)
    {
        // A project without the release models (a test's own SQL) keeps no history.
        if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'intermediate' " +
                           "AND table_name IN ('int_cluster_indicators', 'int_source_releases')") < 2) return;
        var head = c.Scalar<int?>("SELECT max(build_number) FROM meta.build_extracts");
        if (head is null) return;
        c.Execute("BEGIN TRANSACTION");
        c.Execute("UPDATE meta.build_extracts SET last_run_id = $1 WHERE build_number = $2", runId, head);
        const string values = "SELECT $1 AS build_number, $2 AS snapshot, cluster_id, year, indicator, value FROM intermediate.int_cluster_indicators";
        if (c.Scalar<long>("SELECT count(*) FROM meta.indicator_history WHERE build_number = $1 AND snapshot = 'first'", head) == 0)
            c.Execute($"INSERT INTO meta.indicator_history BY NAME {values}", head, "first");
        c.Execute("DELETE FROM meta.indicator_history WHERE build_number = $1 AND snapshot = 'last'", head);
        c.Execute($"INSERT INTO meta.indicator_history BY NAME {values}", head, "last");
        const string kept = """
            SELECT max(build_number) FROM meta.build_extracts
            UNION SELECT previous_build FROM intermediate.int_source_releases
            UNION SELECT current_build FROM intermediate.int_source_releases
            """;
        foreach (var table in Tables) c.Execute($"DELETE FROM {table} WHERE build_number NOT IN ({kept})");
        c.Execute("COMMIT");
    }
}
