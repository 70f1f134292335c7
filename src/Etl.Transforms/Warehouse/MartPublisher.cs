using ClusterEtl.Transforms.Pipeline;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Publishes a finished build: exports every <c>marts.*</c> table as Parquet (hive-partitioned by year when the
/// mart has a year column, year kept in the files too, rows ordered so reruns give identical files), then
/// moves the warehouse file and the marts folder into place. Until that last step the published warehouse
/// and Parquet are untouched, so a failure leaves the last good ones readable.
/// </summary>
public sealed class MartPublisher
{
    static readonly ILogger Log = Serilog.Log.ForContext<MartPublisher>();

    public IReadOnlyList<(string Mart, long Rows)> Publish(DataLayout layout, string runId)
    {
        var build = layout.BuildFile(runId);
        var staged = Path.Combine(layout.RunStaging(runId), "marts");
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        Directory.CreateDirectory(staged);

        var marts = new List<(string, long)>();
        using (var c = DuckDb.Open(build))
        {
            var tables = c.Rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' ORDER BY 1")
                .Select(r => (string)r[0]!).ToList();
            foreach (var t in tables)
            {
                var hasYear = c.Scalar<long>(
                    "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = $1 AND column_name = 'year'", t) > 0;
                var target = Path.Combine(staged, t).Replace('\\', '/');
                if (!hasYear) Directory.CreateDirectory(target);
                var query = $"SELECT * FROM marts.{DuckDb.Identifier(t)} ORDER BY ALL";
                c.Execute(hasYear
                    ? $"COPY ({query}) TO {DuckDb.Literal(target)} (FORMAT parquet, PARTITION_BY (year), WRITE_PARTITION_COLUMNS true, FILENAME_PATTERN 'part-{{i}}')"
                    : $"COPY ({query}) TO {DuckDb.Literal(target + "/part-0.parquet")} (FORMAT parquet)");
                var rows = c.Scalar<long>($"SELECT count(*) FROM marts.{DuckDb.Identifier(t)}");
                marts.Add((t, rows));
                Log.Information("Exported marts.{Mart}: {Rows:N0} rows", t, rows);
            }
        }

        Directory.CreateDirectory(layout.WarehouseDir);
        File.Move(build, layout.WarehouseFile, overwrite: true);
        AtomicDirectory.Replace(staged, layout.MartsDir, Path.Combine(layout.RunStaging(runId), "marts-previous"));
        return marts;
    }
}
