using System.CommandLine;
using System.Globalization;
using System.Diagnostics;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>bench</c>: normalizes a generated BACI year of N rows with our streaming normalizer, then converts
/// the same CSV with DuckDB's own CSV-to-Parquet in the same process, and prints rows/s, peak RSS and the
/// ratio. Peak RSS of our step is read before DuckDB runs. Run it at two sizes to see memory stay flat.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var rows = new Option<long>("--rows")
        {
            Description = "Rows of the generated file, or of each year with --e2e",
            HelpName = "N",
            DefaultValueFactory = _ => 2_000_000,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
                r.AddError($"--rows takes a positive whole number, not '{text}'");
                return 0;
            },
        };
        var threads = CommonOptions.OptionalNumber("--threads", 1, 256, "N",
            "Threads of the normalize (default: one per processor; 1 = sequential)");
        var e2e = CommonOptions.OptionalNumber("--e2e", 1, 100, "YEARS", "The whole pipeline on this many generated years of --rows rows");
        var chaos = CommonOptions.OptionalNumber("--chaos", 1, 100_000, "TRIALS",
            "Random trials of runs killed at any point or given damaged input, each followed by a run that must recover");
        var complexity = new Option<bool>("--complexity")
        {
            Description = $"One BACI-sized year ({ComplexityBench.Countries} countries x {ComplexityBench.Products:N0} products) through the economic complexity and product proximity models",
        };
        var data = CommonOptions.DataDir();
        var pipelines = CommonOptions.Pipelines();
        var sql = CommonOptions.Sql();
        var command = new Command("bench", "Normalize a generated BACI year of --rows rows and compare with DuckDB's own CSV-to-Parquet " +
                                           "(rows/s, peak RSS, ratio); --e2e N: the whole pipeline at scale; --chaos N: recovery from faults; " +
                                           "--complexity: a year of economic complexity. " +
                                           "Files go under --data-dir.")
        {
            rows, threads, e2e, chaos, complexity, data, pipelines, sql,
        };
        command.Validators.Add(r =>
        {
            var modes = new[] { r.GetResult(e2e) is not null, r.GetResult(chaos) is not null, r.GetResult(complexity) is not null }.Count(m => m);
            if (modes > 1) r.AddError("bench takes one of --e2e, --chaos and --complexity");
        });
        command.SetAction(async (p, ct) =>
        {
            if (p.GetValue(complexity))
                return ComplexityBench.Run(Console.Out);
            if (p.GetValue(chaos) is { } trials)
                return await ChaosBench.RunAsync(trials, p.GetValue(data)!, p.GetValue(pipelines)!, p.GetValue(sql)!, Console.Out, ct);
            if (p.GetValue(e2e) is { } years)
                return await EndToEndBench.RunAsync(p.GetValue(rows), years, p.GetValue(data)!, p.GetValue(pipelines)!, p.GetValue(sql)!,
                    Console.Out, ct);
            return await RunAsync(p.GetValue(rows), p.GetValue(data)!, Console.Out, p.GetValue(threads));
        });
        return command;
    }

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
