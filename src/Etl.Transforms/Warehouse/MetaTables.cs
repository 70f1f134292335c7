using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Fills the <c>meta</c> tables (created by <c>sql/seeds/meta_tables.sql</c>) by column name: what the build read (the raw
/// store's manifest, the run ledger, the lake's partitions), then what it did (the build and its models).
/// </summary>
public static class MetaTables
{
    public static void LoadInputs(DuckDBConnection c, DataLayout layout, IReadOnlyList<LakePartition> partitions)
    {
        c.AppendByName("meta", "extracts",
            ["source", "role", "location", "bytes", "sha256", "fetched_at", "path", "changed", "etag", "last_modified", "run_id"],
            Manifest.ReadAll(layout).Select(e => new object?[]
                { e.Source, e.Role, e.Location, e.Bytes, e.Sha256, e.FetchedAt.UtcDateTime, e.Path, e.Changed, e.ETag, e.LastModified, e.RunId }));
        IEnumerable<string> runs = Directory.Exists(layout.RunsDir) ? Directory.GetDirectories(layout.RunsDir).Order(StringComparer.Ordinal) : [];
        c.AppendByName("meta", "runs", ["run_id", "stage", "status", "rows", "unit", "quarantined_rows", "seconds", "error"],
            runs.SelectMany(dir => StageNames.InOrder
                .Select(stage => RunLedger.Read<StageReport>(layout, Path.GetFileName(dir), stage)).OfType<StageReport>()
                .Select(r => new object?[] { Path.GetFileName(dir), r.Stage, r.Status, r.Rows, r.Unit, r.QuarantinedRows, r.Seconds, r.Error })));
        c.AppendByName("meta", "lake_partitions", ["table_name", "source_id", "year", "files", "bytes", "fingerprint"],
            partitions.Select(p => new object?[] { p.Table, p.Source, p.Year, p.Files, p.Bytes, p.Fingerprint }));
    }

    /// <summary>meta.build (this build) and meta.models (what it did to each model), in one transaction.</summary>
    public static void RecordBuild(DuckDBConnection c, SqlProject project, WarehouseBuild build, string runId, string fingerprint)
    {
        c.Execute("BEGIN TRANSACTION");
        c.Execute("INSERT INTO meta.build (run_id, fingerprint, built_at, builder_version, duckdb_version, mode, previous_run_id, " +
                  "memory_limit, threads, temp_directory) VALUES ($1, $2, now(), $3, version(), $4, $5, current_setting('memory_limit'), " +
                  "current_setting('threads'), current_setting('temp_directory'))",
            runId, fingerprint, WarehouseBuilder.Version, build.Mode, build.PreviousRunId);
        foreach (var (m, r) in project.Models.Zip(build.Models))
            c.Execute("INSERT INTO meta.models (model, materialized, partition_by, lookback_years, sql_hash, depends_on, rows, recomputed, " +
                      "changed, seconds) VALUES ($1, $2, $3, $4, $5, $6::VARCHAR[], $7, $8, $9, $10)", r.Model, r.Materialized,
                m.Config.PartitionBy, m.Config.PartitionBy is null ? null : m.Config.LookbackSetting ?? m.Config.LookbackYears.ToString(),
                m.Hash, "[" + string.Join(", ", m.Reads.Select(DuckDb.Literal)) + "]", r.Rows, r.Rebuilt, r.Changed, r.Seconds);
        c.Execute("COMMIT");
    }
}
