using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// What a built warehouse must pass before it is published: every table, view and column documented, and the data checks
/// of <c>sql/checks/</c> (queries returning the offending rows) returning none.
/// </summary>
public static class WarehouseChecks
{
    public static void Run(DuckDBConnection c, SqlProject project)
    {
        CheckDocumented(c, project);
        foreach (var check in project.Checks) RunCheck(c, check);
    }

    /// <summary>
    /// Every column of every table and view of the warehouse's own schemas must carry a COMMENT ON: the data dictionary
    /// is part of the product. (The lake views are documented column by column by the staging models that read them.)
    /// </summary>
    static void CheckDocumented(DuckDBConnection c, SqlProject project)
    {
        var missing = c.Rows("""
            SELECT schema_name || '.' || table_name || '.' || column_name
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND NOT internal AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]!).ToList();
        missing.AddRange(c.Rows("""
            SELECT schema_name || '.' || table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND (comment IS NULL OR trim(comment) = '')
            UNION ALL
            SELECT schema_name || '.' || view_name FROM duckdb_views()
            WHERE database_name = current_database() AND schema_name IN ('lake', 'staging', 'intermediate', 'marts')
              AND NOT internal AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]! + " (table)"));
        if (missing.Count > 0)
            throw new PipelineException("transform",
                $"undocumented: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}",
                "Add COMMENT ON TABLE / VIEW / COLUMN statements to the model that creates them.", file: project.Directory);
    }

    static void RunCheck(DuckDBConnection c, SqlCheck check)
    {
        List<object?[]> rows;
        try
        {
            rows = c.Rows(check.Sql);
        }
        catch (DuckDBException e)
        {
            throw new PipelineException("transform", $"check {check.Name} does not run: {e.Message.ReplaceLineEndings(" ")}",
                "Fix the check's SQL.", file: check.File, inner: e);
        }
        if (rows.Count == 0) return;
        var example = string.Join(", ", rows[0].Select(v => v?.ToString() ?? "NULL"));
        throw new PipelineException("transform", $"check {check.Name} failed: {rows.Count} offending row(s), first: ({example})",
            "Nothing was published; the last good warehouse is unchanged. Inspect the inputs or the models.", file: check.File);
    }
}
