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
}
