using System.Data.Common;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>Small helpers over a DuckDB.NET connection.</summary>
public static class DuckDb
{
    public static DuckDBConnection Open(string file, bool readOnly = false)
    {
        var c = new DuckDBConnection(readOnly ? $"Data Source={file};ACCESS_MODE=READ_ONLY" : $"Data Source={file}");
        c.Open();
        return c;
    }

    public static void Execute(this DuckDBConnection c, string sql, params object?[] args)
    {
        using var cmd = Command(c, sql, args);
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(this DuckDBConnection c, string sql, params object?[] args)
    {
        using var cmd = Command(c, sql, args);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? default! : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public static List<object?[]> Rows(this DuckDBConnection c, string sql, params object?[] args)
    {
        using var cmd = Command(c, sql, args);
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

    /// <summary>A SQL string literal (single quotes doubled).</summary>
    public static string Literal(string s) => "'" + s.Replace("'", "''") + "'";

    /// <summary>A quoted identifier.</summary>
    public static string Identifier(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    static DbCommand Command(DuckDBConnection c, string sql, object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args) cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        return cmd;
    }
}
