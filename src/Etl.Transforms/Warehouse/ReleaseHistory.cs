using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The history <c>marts.release_diffs</c> compares with: which extract of each source every kept build read
/// (<c>meta.build_extracts</c>) and its headline cluster indicators (<c>meta.indicator_history</c>). The meta schema is
/// made anew by each build, so the kept rows are carried from the published warehouse (a forced build's too); this build's
/// extracts are added before the models run, its indicators after; then only this build and the builds
/// <c>intermediate.int_source_releases</c> names are kept (at most 1 + 2 x sources builds).
/// </summary>
public static class ReleaseHistory
{
    public static readonly string[] Tables = ["meta.build_extracts", "meta.indicator_history"];
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ReleaseHistory));

    /// <summary>Carries the kept builds of <paramref name="publishedWarehouse"/> (when any) and adds this build's extracts.</summary>
    public static void Start(DuckDBConnection c, string? publishedWarehouse, string runId, IReadOnlyList<BuildExtract> extracts)
    {
        if (publishedWarehouse is not null && File.Exists(publishedWarehouse)) Carry(c, publishedWarehouse);
        var number = c.Scalar<int>("SELECT coalesce(max(build_number), 0)::INTEGER + 1 FROM meta.build_extracts");
        c.AppendByName("meta", "build_extracts",
            ["build_number", "run_id", "source", "extract_id", "extract_fetched_at", "newest_extract_id", "as_of"],
            extracts.Select(e => new object?[] { number, runId, e.Source, e.ExtractId, e.FetchedAt, e.NewestExtractId, e.AsOf }));
    }

    static void Carry(DuckDBConnection c, string publishedWarehouse)
    {
        try
        {
            c.Execute($"ATTACH {DuckDb.Literal(publishedWarehouse)} AS published_build (READ_ONLY)");
            try
            {
                foreach (var table in Tables)
                {
                    var name = table.Split('.')[1];
                    if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'published_build' AND schema_name = 'meta' " +
                                       "AND table_name = $1", name) == 0) continue;
                    c.Execute($"INSERT INTO {table} BY NAME SELECT * FROM published_build.{table}");
                }
            }
            finally
            {
                c.Execute("DETACH published_build");
            }
        }
        catch (DuckDBException e)
        {
            // Another DuckDB version or builder: the history starts again (release_diffs is empty until the next release).
            Log.Warning("The release history of the published warehouse cannot be read ({Reason}): it starts again", e.Message);
        }
    }

    /// <summary>Adds this build's indicators and drops the builds no release comparison needs any more.</summary>
    public static void Finish(DuckDBConnection c)
    {
        // A project without the release models (a test's own SQL) keeps no history.
        if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'intermediate' " +
                           "AND table_name IN ('int_cluster_indicators', 'int_source_releases')") < 2) return;
        c.Execute("BEGIN TRANSACTION");
        c.Execute("""
            INSERT INTO meta.indicator_history BY NAME
            SELECT (SELECT max(build_number) FROM meta.build_extracts) AS build_number, cluster_id, year, indicator, value
            FROM intermediate.int_cluster_indicators
            """);
        const string kept = """
            SELECT max(build_number) FROM meta.build_extracts
            UNION SELECT previous_build FROM intermediate.int_source_releases
            UNION SELECT current_build FROM intermediate.int_source_releases
            """;
        foreach (var table in Tables) c.Execute($"DELETE FROM {table} WHERE build_number NOT IN ({kept})");
        c.Execute("COMMIT");
    }
}
