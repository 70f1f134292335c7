using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// What changed since the previous build in what the models read: the lake's partitions, the reference tables (by
/// content) and the settings. The <see cref="ModelRunner"/> recomputes from it only what those changes reach.
/// </summary>
public static class BuildChanges
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(BuildChanges));

    /// <returns>By relation read (<c>lake.x</c>, <c>ref.x</c>, <c>setting:name</c>), what changed in it.</returns>
    public static Dictionary<string, Change> Since(PreviousBuild previous, DuckDBConnection c, IReadOnlyList<LakePartition> partitions,
        IReadOnlyDictionary<string, string> variables, LakeCatalog lake)
    {
        var changes = LakePartitions.Compare(previous.Partitions, partitions, lake);
        foreach (var (table, fp) in RefTableFingerprints(c))
            changes[table] = previous.RefTables.TryGetValue(table, out var old) && old == fp ? Change.None : Change.Everything;
        foreach (var (name, value) in variables)
            changes["setting:" + name] = previous.Settings.TryGetValue(name, out var old) && old == value ? Change.None : Change.Everything;
        foreach (var (relation, change) in changes.Where(x => !x.Value.IsNone).OrderBy(x => x.Key, StringComparer.Ordinal))
            Log.Information("Changed since the previous build: {Relation} ({Change})", relation, change);
        return changes;
    }

    /// <summary>A fingerprint of each ref table's content (row count and a sum of row hashes).</summary>
    public static Dictionary<string, string> RefTableFingerprints(DuckDBConnection c) =>
        c.Rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'ref' AND database_name = current_database()")
            .Select(r => (string)r[0]!)
            .ToDictionary(t => "ref." + t, t => c.Scalar<string>(
                $"SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(t)), 0)::VARCHAR FROM ref.{DuckDb.Identifier(t)} AS t"));
}
