using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The <c>lake</c> schema of the warehouse: one view per lake table (<c>lake.trade_flows</c>, ...,
/// <c>lake.quarantine</c>) reading its Parquet files where they lie, with the <c>source</c> (and <c>year</c>)
/// partition columns. The models read the lake only through these views; nothing copies the rows.
/// </summary>
/// <remarks>
/// A view finds the files through the absolute path of the data folder the warehouse was built in. When the data
/// folder has moved, set it before querying: <c>SET VARIABLE clusteretl_data_dir = '/new/place/data';</c>.
/// A table no source has written yet is an empty view with the table's columns, so every model builds.
/// </remarks>
public static class LakeViews
{
    public const string Schema = LakeTable.Schema;
    public const string DataDirVariable = "clusteretl_data_dir";

    public static void Create(DuckDBConnection c, DataLayout layout, LakeCatalog lake)
    {
        c.Execute($"CREATE SCHEMA IF NOT EXISTS {Schema}");
        var dataDir = layout.DataDir.Replace('\\', '/');
        foreach (var table in lake.Tables)
        {
            var folder = Path.Combine(layout.LakeDir, table.Folder);
            var hasFiles = Directory.Exists(folder) &&
                           Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
                               .Any(f => Depth(folder, f) == (table.ByYear ? 3 : 2));
            var partitions = table.ByYear ? "{'source': VARCHAR, 'year': INTEGER}" : "{'source': VARCHAR}";
            var select = hasFiles
                ? $"SELECT * FROM read_parquet(coalesce(getvariable('{DataDirVariable}'), {DuckDb.Literal(dataDir)}) || " +
                  $"{DuckDb.Literal("/lake/" + table.Glob)}, hive_partitioning = true, hive_types = {partitions}, union_by_name = true)"
                : "SELECT " + string.Join(", ", table.Columns().Select(col => $"NULL::{DuckDbType(col)} AS {DuckDb.Identifier(col.Field.Name)}")
                      .Concat(table.Columns().Any(col => col.Field.Name == "source") ? [] : ["NULL::VARCHAR AS source"])
                      .Concat(table.ByYear ? ["NULL::INTEGER AS year"] : [])) + " WHERE false";
            c.Execute($"CREATE OR REPLACE VIEW {table.Relation} AS {select}");
            c.Execute($"COMMENT ON VIEW {table.Relation} IS {DuckDb.Literal(
                $"The lake table {table.Name} as normalized (lake/{table.Glob}), read in place: the store of record, documented " +
                $"column by column in the staging models that read it. Set VARIABLE {DataDirVariable} when the data folder moved.")}");
        }
    }

    static int Depth(string root, string file) => Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Length;

    static string DuckDbType(ParquetColumn column)
    {
        var t = Nullable.GetUnderlyingType(column.Field.ClrType) ?? column.Field.ClrType;
        return t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? "VARCHAR"
            : t == typeof(int) ? "INTEGER"
            : t == typeof(long) ? "BIGINT"
            : t == typeof(double) ? "DOUBLE"
            : t == typeof(bool) ? "BOOLEAN"
            : throw new NotSupportedException($"no DuckDB type for the Parquet column {column.Field.Name} ({t})");
    }
}
