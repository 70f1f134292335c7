using DuckDB.NET.Data;

namespace ClusterEtl.Tests.Support;

/// <summary>Queries a DuckDB file (read-only) or Parquet files through an in-memory DuckDB.</summary>
public static class Duck
{
    public static List<object?[]> Query(string? file, string sql)
    {
        using var c = new DuckDBConnection(file is null ? "Data Source=:memory:" : $"Data Source={file};ACCESS_MODE=READ_ONLY");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static object? Scalar(string? file, string sql) => Query(file, sql).Single()[0];
}
