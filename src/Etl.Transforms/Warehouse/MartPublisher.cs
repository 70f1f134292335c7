using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Exports every mart (<c>marts.*</c> table or view) of a finished build as Parquet: hive-partitioned by year when the mart has a
/// year column (year kept in the files too), rows ordered so reruns give identical files. What the build did not
/// change is not written again: a mart (or a year of a mart partitioned by year) whose rows are those of the
/// previous published build is hard-linked from it.
/// </summary>
public sealed class MartPublisher
{
    static readonly ILogger Log = Serilog.Log.ForContext<MartPublisher>();

    /// <param name="previousMarts">The marts folder of the published build the warehouse was built from, or null.</param>
    public IReadOnlyList<(string Mart, long Rows, string Written)> Export(string buildFile, string martsDir, string? previousMarts,
        DuckDbSettings settings, string spillDirectory)
    {
        if (Directory.Exists(martsDir)) Directory.Delete(martsDir, recursive: true);
        Directory.CreateDirectory(martsDir);
        var marts = new List<(string, long, string)>();
        using var c = DuckDb.Open(buildFile, settings, spillDirectory);
        var incremental = previousMarts is not null && Directory.Exists(previousMarts) &&
                          c.Scalar<string>("SELECT mode FROM meta.build") == "incremental";
        foreach (var r in c.Rows("""
                     SELECT t.table_name, m.partition_by, coalesce(m.changed, 'all'),
                            EXISTS (SELECT 1 FROM duckdb_columns() AS k
                                    WHERE k.schema_name = 'marts' AND k.table_name = t.table_name AND k.column_name = 'year')
                     FROM information_schema.tables AS t LEFT JOIN meta.models AS m ON m.model = 'marts.' || t.table_name
                     WHERE t.table_schema = 'marts' AND t.table_catalog = current_database()
                     ORDER BY 1
                     """))
        {
            var (mart, partitionBy, changed, hasYear) = ((string)r[0]!, (string?)r[1], (string)r[2]!, (bool)r[3]!);
            var target = Path.Combine(martsDir, mart);
            var previous = incremental ? Path.Combine(previousMarts!, mart) : null;
            var reuse = previous is not null && Directory.Exists(previous);
            string written;
            if (reuse && changed == "none")
            {
                LinkAll(previous!, target, _ => true);
                written = "unchanged, linked";
            }
            else if (reuse && hasYear && partitionBy == "year" && changed != "all")
            {
                var years = changed.Split(", ").Select(int.Parse).ToHashSet();
                LinkAll(previous!, target, rel => !years.Any(y => rel.StartsWith($"year={y}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
                Copy(c, mart, hasYear, target, $"year IN ({changed})");
                written = $"years {changed} written, the others linked";
            }
            else
            {
                Copy(c, mart, hasYear, target, null);
                written = "written";
            }
            var rows = PublishedRows(c, target);
            marts.Add((mart, rows, written));
            Log.Information("Published marts.{Mart}: {Rows:N0} rows ({Written})", mart, rows, written);
        }
        return marts;
    }

    /// <summary>
    /// Writes the mart's rows (of the years in <paramref name="where"/>) as Parquet: one file per year under
    /// <c>year=&lt;y&gt;/</c> when it has a year column, else one file. Each file is written by its own ordered COPY: a
    /// partitioned COPY writes row groups in whatever order its threads finish, so its files differ from run to run.
    /// </summary>
    static void Copy(DuckDB.NET.Data.DuckDBConnection c, string mart, bool hasYear, string target, string? where)
    {
        var table = $"marts.{DuckDb.Identifier(mart)}";
        Directory.CreateDirectory(target);
        if (!hasYear)
        {
            Write(c, $"SELECT * FROM {table} ORDER BY ALL", Path.Combine(target, "part-0.parquet"));
            return;
        }
        var years = c.Rows($"SELECT DISTINCT year FROM {table}{(where is null ? "" : " WHERE " + where)} ORDER BY 1")
            .Select(r => r[0] is null ? "NULL" : Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!);
        foreach (var year in years)
            Write(c, $"SELECT * FROM {table} WHERE year {(year == "NULL" ? "IS NULL" : "= " + year)} ORDER BY ALL",
                Path.Combine(target, $"year={year}", "part-0.parquet"));
    }

    /// <summary>
    /// The rows of the mart's published files, from their Parquet footers: counting the mart itself would compute a view
    /// (<c>country_product_rca</c>: every year's RCA, minutes at a full release) a second time.
    /// </summary>
    static long PublishedRows(DuckDB.NET.Data.DuckDBConnection c, string target) =>
        Directory.EnumerateFiles(target, "*.parquet", SearchOption.AllDirectories).Any()
            ? c.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(Path.Combine(target, "**", "*.parquet").Replace('\\', '/'))}, hive_partitioning = false)")
            : 0;

    static void Write(DuckDB.NET.Data.DuckDBConnection c, string query, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        c.Execute($"COPY ({query}) TO {DuckDb.Literal(file.Replace('\\', '/'))} (FORMAT parquet)");
    }

    /// <summary>Hard-links the files of <paramref name="from"/> whose relative path passes <paramref name="keep"/> into <paramref name="to"/>.</summary>
    static void LinkAll(string from, string to, Func<string, bool> keep)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (keep(rel)) PosixFiles.LinkOrCopy(file, Path.Combine(to, rel));
        }
    }
}
