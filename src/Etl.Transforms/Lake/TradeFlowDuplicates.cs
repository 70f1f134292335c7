using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using Serilog;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Flows a source gives twice: the same year, month, flow, reporter, partner, product and vintage in two rows. An exact
/// copy (every value equal) is dropped and counted; two rows that disagree fail the source, with examples: added up,
/// they would double the flow without a word. Checked with DuckDB over the Parquet a normalization just wrote, so memory
/// stays bounded whatever the size (connectors that read sorted files find duplicates on the way and skip this).
/// </summary>
public static class TradeFlowDuplicates
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(TradeFlowDuplicates));
    const string Key = "year, month, flow, reporter_code, partner_code, product_code, hs_vintage";
    const string Values = "value_usd, quantity_kg, quantity_original, quantity_unit, flags";

    /// <returns>The exact copies dropped.</returns>
    public static long Check(SourceDefinition source, string outputRoot, string fileDisplay)
    {
        var folder = LakePaths.SourceFolder(outputRoot, TradeFlowsWriter.TableName, source.Id);
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any()) return 0;
        var glob = DuckDb.Literal(Path.Combine(folder, "*", "*.parquet").Replace('\\', '/'));
        var spill = Path.Combine(outputRoot, ".duckdb-tmp");
        try
        {
            using var c = new DuckDbSettings().Open(":memory:", spill);
            var from = $"read_parquet({glob}, hive_partitioning = true, hive_types = {{'source': VARCHAR, 'year': INTEGER}})";
            var conflicts = c.Rows($"""
                SELECT {Key}, count(*) AS n, string_agg(DISTINCT value_usd::VARCHAR, ' / ' ORDER BY value_usd::VARCHAR) AS values
                FROM {from} GROUP BY ALL HAVING count(DISTINCT ({Values})) > 1 ORDER BY ALL
                """);
            if (conflicts.Count > 0)
            {
                var r = conflicts[0];
                throw new PipelineException("normalize",
                    $"{conflicts.Count:N0} flow(s) appear twice with different values, e.g. {r[0]}{(r[1] is null ? "" : $"-{r[1]:00}")} " +
                    $"{r[2]} {r[3]} -> {r[4]} product {r[5]}: value_usd {r[8]}; added up they would count twice",
                    "Fix the extract (a release must hold each flow once), or keep one of the copies.", source.Id, fileDisplay);
            }
            var dropped = 0L;
            foreach (var year in c.Rows($"SELECT year FROM {from} GROUP BY year HAVING count(*) > count(DISTINCT ({Key})) ORDER BY year")
                         .Select(r => Convert.ToInt32(r[0])))
            {
                foreach (var file in Directory.GetFiles(LakePaths.YearFolder(folder, year), "*.parquet"))
                {
                    var path = DuckDb.Literal(file.Replace('\\', '/'));
                    var copy = file + ".dedup";
                    var before = c.Scalar<long>($"SELECT count(*) FROM read_parquet({path})");
                    c.Execute($"""
                        COPY (SELECT * EXCLUDE (file_row_number) FROM read_parquet({path}, file_row_number = true)
                              QUALIFY row_number() OVER (PARTITION BY {Key} ORDER BY file_row_number) = 1
                              ORDER BY file_row_number)
                        TO {DuckDb.Literal(copy.Replace('\\', '/'))} (FORMAT parquet, COMPRESSION snappy)
                        """);
                    dropped += before - c.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(copy.Replace('\\', '/'))})");
                    File.Move(copy, file, overwrite: true);
                }
            }
            if (dropped > 0) Log.Warning("{Source}: {Dropped:N0} exact duplicate flow(s) dropped", source.Id, dropped);
            return dropped;
        }
        finally
        {
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }
}
