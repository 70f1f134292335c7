using System.Globalization;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Support;

/// <summary>Queries a DuckDB file (read-only) or, with no file, Parquet files through an in-memory DuckDB.</summary>
public static class Duck
{
    public static List<object?[]> Query(string? file, string sql)
    {
        using var c = file is null ? DuckDb.Open(":memory:") : DuckDb.Open(file, readOnly: true);
        return c.Rows(sql);
    }

    public static object? Scalar(string? file, string sql) => Query(file, sql).Single()[0];

    /// <summary>
    /// The rows of a query as text, cells joined by |: NULL as NULL, numbers rounded to 9 decimals, booleans true/false,
    /// so a test compares them with figures worked out by hand.
    /// </summary>
    public static List<string> Rows(string? file, string sql) =>
        Query(file, sql).Select(r => string.Join("|", r.Select(Cell))).ToList();

    /// <summary>One cell as text: NULL, numbers rounded to 9 decimals, booleans true/false.</summary>
    public static string Cell(object? v) => v switch
    {
        null or DBNull => "NULL",
        double d => Math.Round(d, 9).ToString(CultureInfo.InvariantCulture),
        decimal m => Math.Round((double)m, 9).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };
}
