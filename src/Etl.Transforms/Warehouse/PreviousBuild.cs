using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>What the build being started from held, read before its ref and meta schemas are replaced.</summary>
public sealed record PreviousBuild(string RunId, IReadOnlyList<LakePartition> Partitions, Dictionary<string, string> RefTables,
    Dictionary<string, string> Settings, Dictionary<string, PreviousModel> Models)
{
    /// <summary>The previous build of a warehouse file; null when another builder version or DuckDB version wrote it.</summary>
    public static PreviousBuild? Read(string file)
    {
        using var c = DuckDb.Open(file);
        try
        {
            var build = c.Rows("SELECT run_id, builder_version, duckdb_version = version() FROM meta.build").SingleOrDefault();
            if (build is null || (string)build[1]! != WarehouseBuilder.Version || !(bool)build[2]!) return null;
            return new PreviousBuild((string)build[0]!,
                c.Rows("SELECT table_name, source_id, year, files, bytes, fingerprint FROM meta.lake_partitions")
                    .Select(r => new LakePartition((string)r[0]!, (string)r[1]!, r[2] is null ? null : Convert.ToInt32(r[2]),
                        Convert.ToInt32(r[3]), Convert.ToInt64(r[4]), (string)r[5]!)).ToList(),
                BuildChanges.RefTableFingerprints(c),
                c.Rows("SELECT name, value FROM ref.settings").ToDictionary(r => (string)r[0]!, r => (string)r[1]!),
                c.Rows("SELECT model, sql_hash, partition_by FROM meta.models")
                    .ToDictionary(r => (string)r[0]!, r => new PreviousModel((string)r[1]!, (string?)r[2])));
        }
        catch (DuckDBException)
        {
            return null; // not a warehouse of this builder
        }
    }
}
