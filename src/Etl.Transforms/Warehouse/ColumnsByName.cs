using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Appends rows whose values are given for named columns, in whatever order the table declares them: the seed that
/// creates the table may order (or add) its columns as it likes, and a column the rows do not name fails at once.
/// </summary>
public static class ColumnsByName
{
    public static void AppendByName(this DuckDBConnection c, string schema, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var declared = c.Rows("SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = $1 " +
                              "AND table_name = $2 ORDER BY column_index", schema, table).Select(r => (string)r[0]!).ToList();
        var position = declared.Select(name => Array.IndexOf(columns, name)).ToArray();
        if (position.Contains(-1) || declared.Count != columns.Length)
            throw new InvalidOperationException(
                $"{schema}.{table} has the columns ({string.Join(", ", declared)}); the rows give ({string.Join(", ", columns)})");
        c.Append(schema, table, rows.Select(values => position.Select(i => values[i]).ToArray()));
    }
}
