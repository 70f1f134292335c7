using System.Diagnostics;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Normalize;
using ClusterEtl.Transforms.Normalize.Baci;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Jobs.Cli;

/// <summary>
/// <c>bench</c>: normalizes a generated BACI year of N rows with our streaming normalizer, then converts
/// the same CSV with DuckDB's own CSV-to-Parquet in the same process, and prints rows/s, peak RSS and the
/// ratio. Peak RSS of our step is read before DuckDB runs. Run it at two sizes to see memory stay flat.
/// </summary>
public static class BenchCommand
{
    /// <param name="threads">Threads of our normalize (null: one per processor).</param>
    public static async Task<int> RunAsync(long rows, string workDir, TextWriter output, int? threads = null)
    {
        var dir = Path.Combine(Path.GetFullPath(workDir), $"bench-{rows}");
        if (!File.Exists(Path.Combine(dir, "BACI_HS17_Y2019_V202401b.csv")))
        {
            output.WriteLine($"generating {rows:N0} rows in {dir} ...");
            SyntheticBaci.Write(dir, rows);
        }
        var data = Path.Combine(dir, "BACI_HS17_Y2019_V202401b.csv");
        var cc = Path.Combine(dir, "country_codes_V202401b.csv");
        var bytes = new FileInfo(data).Length;
        var outDir = Path.Combine(dir, "out");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, true);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var rssBefore = self.PeakWorkingSet64;
        var cpuBefore = self.TotalProcessorTime;
        var source = new SourceDefinition("bench", "baci", data, "bench", FetchOptions.Default, 0.01, new BaciOptions(cc, "HS17"));
        var sw = Stopwatch.StartNew();
        var result = await new BaciNormalizer().NormalizeAsync(source, data, Path.GetFileName(data), cc, "bench",
            Path.Combine(outDir, "ours"), Path.Combine(outDir, "quarantine"), CancellationToken.None, threads: threads);
        var ours = sw.Elapsed.TotalSeconds;
        self.Refresh();
        var rssOurs = self.PeakWorkingSet64;
        var cpuOurs = (self.TotalProcessorTime - cpuBefore).TotalSeconds;

        sw.Restart();
        using (var c = DuckDb.Open(":memory:"))
        {
            c.Execute($"""
                COPY (
                  SELECT t, i, j, k, v * 1000 AS value_usd, TRY_CAST(trim(q) AS DOUBLE) * 1000 AS quantity_kg
                  FROM read_csv({DuckDb.Literal(data)}, header = true,
                                columns = {"{"}'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'DOUBLE', 'q': 'VARCHAR'{"}"})
                ) TO {DuckDb.Literal(Path.Combine(outDir, "duckdb.parquet"))} (FORMAT parquet, COMPRESSION snappy)
                """);
        }
        var duck = sw.Elapsed.TotalSeconds;
        self.Refresh();

        output.WriteLine($"file: {data} ({bytes / 1e6:N1} MB, {rows:N0} rows; {result.Rows:N0} normalized, {result.Quarantined:N0} quarantined)");
        output.WriteLine($"clusteretl threads: {BaciReadPlan.For(threads ?? Environment.ProcessorCount, 1)}");
        output.WriteLine($"clusteretl normalize: {ours:N2} s, {result.Rows / ours:N0} rows/s, {bytes / 1e6 / ours:N1} MB/s, peak RSS {rssOurs / 1048576.0:N0} MiB (process start {rssBefore / 1048576.0:N0} MiB)");
        output.WriteLine($"clusteretl processor time: {cpuOurs:N2} s ({cpuOurs / ours:N2} cores busy on average)");
        output.WriteLine($"duckdb read_csv -> parquet: {duck:N2} s, {rows / duck:N0} rows/s, peak RSS of the process after it {self.PeakWorkingSet64 / 1048576.0:N0} MiB");
        output.WriteLine($"ratio (ours / duckdb time): {ours / duck:N2}");
        return 0;
    }
}
