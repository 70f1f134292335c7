using System.Data.Common;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>Small helpers over a DuckDB.NET connection.</summary>
public static class DuckDb
{
    public static DuckDBConnection Open(string file, bool readOnly = false)
    {
        var c = new DuckDBConnection(readOnly ? $"Data Source={file};ACCESS_MODE=READ_ONLY" : $"Data Source={file}");
        c.Open();
        return c;
    }

    /// <summary>
    /// Opens a file for heavy work within a memory limit and a number of threads, with
    /// <paramref name="spillDirectory"/> for what does not fit in memory.
    /// </summary>
    public static DuckDBConnection Open(string file, string memoryLimit, int threads, string spillDirectory)
    {
        var c = Open(file);
        Directory.CreateDirectory(spillDirectory);
        c.Execute($"SET memory_limit = {Literal(memoryLimit)}");
        c.Execute($"SET threads = {threads}");
        c.Execute($"SET temp_directory = {Literal(spillDirectory.Replace('\\', '/'))}");
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

    /// <summary>
    /// Appends rows to a table through DuckDB's appender (far faster than one INSERT per row). Values in column order:
    /// text, whole numbers, doubles, booleans, timestamps or null.
    /// </summary>
    public static void Append(this DuckDBConnection c, string schema, string table, IEnumerable<object?[]> rows)
    {
        using var appender = c.CreateAppender(schema, table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var v in values)
                _ = v switch
                {
                    null => row.AppendNullValue(),
                    string s => row.AppendValue(s),
                    int i => row.AppendValue(i),
                    long l => row.AppendValue(l),
                    double d => row.AppendValue(d),
                    bool b => row.AppendValue(b),
                    DateTime t => row.AppendValue(t),
                    _ => throw new ArgumentException($"cannot append a {v.GetType().Name} to {schema}.{table}"),
                };
            row.EndRow();
        }
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
