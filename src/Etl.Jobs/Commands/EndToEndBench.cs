using System.Diagnostics;
using System.Globalization;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>bench --e2e</c>: the whole pipeline on a generated BACI-shaped release next to the bundled samples (the release
/// takes the place of the BACI sample). Writes
/// <c>--years</c> yearly files of <c>--rows</c> rows (real BACI country codes, the clusters' HS92 products among 5,000),
/// one <c>baci</c> source per year, then runs pull, normalize, transform and publish in this process and prints, per
/// stage, time, rows/s and peak RSS; the warehouse and lake sizes; and, in the same process, a DuckDB-only reference: the
/// exporter x product aggregation the marts need, written directly over the lake's Parquet. Then it measures two
/// refreshes: nothing changed, and one year's file revised.
/// </summary>
public static class EndToEndBench
{
    public static async Task<int> RunAsync(long rows, int years, string workDir, string pipelinesDir, string sqlDir, TextWriter output,
        CancellationToken ct)
    {
        var root = Path.Combine(Path.GetFullPath(workDir), $"e2e-{years}x{rows}");
        var release = Path.Combine(root, "release");
        var pipelines = Path.Combine(root, "pipelines");
        var data = Path.Combine(root, "data");
        var yearList = Enumerable.Range(2024 - years + 1, years).ToList();

        var sw = Stopwatch.StartNew();
        foreach (var year in yearList.Where(y => !File.Exists(Path.Combine(release, SyntheticRelease.DataFile(y)))))
            SyntheticRelease.WriteYear(release, pipelinesDir, year, rows);
        if (sw.Elapsed.TotalSeconds > 1) output.WriteLine($"generated {years} year(s) of {rows:N0} rows in {release} ({sw.Elapsed.TotalSeconds:N0} s)");
        if (Directory.Exists(pipelines)) Directory.Delete(pipelines, true);
        if (Directory.Exists(data)) Directory.Delete(data, true);
        CopyDirectory(pipelinesDir, pipelines);
        // The generated release is the BACI data of the run: the bundled BACI sample (1999-2002, HS92) beside it would be a
        // second release of the same years, which the build refuses (it would count every flow twice).
        foreach (var f in Directory.GetFiles(Path.Combine(pipelines, "sources"), "*.json")
                     .Where(f => File.ReadAllText(f).Contains("\"kind\": \"baci\"", StringComparison.Ordinal)))
            File.Delete(f);
        foreach (var year in yearList)
            File.WriteAllText(Path.Combine(pipelines, "sources", $"bench_baci_{year}.json"), $$"""
                { "id": "bench_baci_{{year}}", "kind": "baci", "description": "Synthetic BACI-shaped year (bench --e2e)",
                  "location": "{{Path.Combine(release, SyntheticRelease.DataFile(year)).Replace("\\", "/")}}",
                  "options": { "country_codes": "{{Path.Combine(release, SyntheticRelease.CountryCodesFile).Replace("\\", "/")}}", "hs_vintage": "HS92" } }
                """);
        var csvBytes = yearList.Sum(y => new FileInfo(Path.Combine(release, SyntheticRelease.DataFile(y))).Length);
        output.WriteLine($"release: {years} year(s) x {rows:N0} rows = {years * rows:N0} flows, {csvBytes / 1e9:N2} GB of CSV; " +
                         $"threads {Environment.ProcessorCount}, DuckDB {WarehouseSettings.Load(pipelines).DuckDb.MemoryLimit}");

        var full = await RunStagesAsync("full run", pipelines, data, sqlDir, years * rows, output, ct);
        var layout = new DataLayout(data);
        var warehouse = new FileInfo(layout.WarehouseFile).Length;
        var lake = DirectorySize(layout.NormalizedDir);
        output.WriteLine($"sizes: lake (normalized) {lake / 1e6:N1} MB, warehouse {warehouse / 1e6:N1} MB, warehouse / lake {(double)warehouse / lake:N3}, " +
                         $"published marts {DirectorySize(Path.Combine(layout.PublishedBuildDir(PublishedBuilds.Current(layout)!.RunId), "marts")) / 1e6:N1} MB");

        DuckDbReference(layout, pipelines, years * rows, output);

        var noop = await RunStagesAsync("refresh, nothing changed", pipelines, data, sqlDir, 0, output, ct);
        SyntheticRelease.WriteYear(release, pipelinesDir, yearList[^1], rows, variant: 1);
        var oneYear = await RunStagesAsync($"refresh, year {yearList[^1]} revised", pipelines, data, sqlDir, rows, output, ct);
        SyntheticRelease.WriteYear(release, pipelinesDir, yearList[^1], rows); // leave the release as generated
        output.WriteLine($"refresh / full run: nothing changed {noop / full:P1}, one year revised {oneYear / full:P1}");
        return 0;
    }

    /// <returns>Seconds of the whole run.</returns>
    static async Task<double> RunStagesAsync(string title, string pipelines, string data, string sql, long rows, TextWriter output,
        CancellationToken ct)
    {
        var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), pipelines, data, sql);
        output.WriteLine($"{title}:");
        output.WriteLine($"  {"stage",-10} {"seconds",9} {"rows",14} {"rows/s",12} {"peak RSS",10}  status");
        double total = 0;
        long peak = 0;
        foreach (var stage in StageNames.InOrder)
        {
            ProcessMemory.ResetPeak();
            var sw = Stopwatch.StartNew();
            var report = stage switch
            {
                PullStage.Name => await new PullStage(SharedHttp.Client).RunAsync(request, ct),
                NormalizeStage.Name => await new NormalizeStage().RunAsync(request, ct),
                TransformStage.Name => new TransformStage().Run(request),
                _ => new PublishStage().Run(request),
            };
            var seconds = sw.Elapsed.TotalSeconds;
            var rss = ProcessMemory.PeakBytes();
            total += seconds;
            peak = Math.Max(peak, rss);
            var stageRows = stage == NormalizeStage.Name ? report.Rows : stage == PullStage.Name ? 0 : rows;
            output.WriteLine($"  {stage,-10} {seconds,9:N2} {report.Rows,14:N0} {(stageRows > 0 ? (stageRows / seconds).ToString("N0", CultureInfo.InvariantCulture) : "-"),12} " +
                             $"{rss / 1048576.0,7:N0} MiB  {report.Status}");
        }
        output.WriteLine($"  {"total",-10} {total,9:N2} {rows,14:N0} {(rows > 0 ? (rows / total).ToString("N0", CultureInfo.InvariantCulture) : "-"),12} {peak / 1048576.0,7:N0} MiB");
        return total;
    }

    /// <summary>The exporter x product x year sums the marts need, straight from the lake's Parquet with DuckDB alone.</summary>
    static void DuckDbReference(DataLayout layout, string pipelines, long rows, TextWriter output)
    {
        var settings = WarehouseSettings.Load(pipelines).DuckDb;
        var spill = Path.Combine(layout.StagingDir, "bench-duckdb");
        ProcessMemory.ResetPeak();
        var sw = Stopwatch.StartNew();
        long groups;
        using (var c = settings.Open(":memory:", spill))
        {
            var glob = Path.Combine(layout.NormalizedDir, "trade_flows", "*", "*", "*.parquet").Replace('\\', '/');
            groups = c.Scalar<long>($"""
                SELECT count(*) FROM (
                  SELECT year, hs_vintage, reporter_iso3, product_code, sum(value_usd) AS v, sum(quantity_kg) AS q
                  FROM read_parquet({DuckDb.Literal(glob)}, hive_partitioning = true)
                  WHERE source_kind = 'baci' AND product_level = 6
                  GROUP BY ALL)
                """);
        }
        Directory.Delete(spill, true);
        var seconds = sw.Elapsed.TotalSeconds;
        output.WriteLine($"DuckDB-only reference (exporter x product x year sums over the lake, one query): {seconds:N2} s, " +
                         $"{rows / seconds:N0} rows/s, {groups:N0} groups, peak RSS {ProcessMemory.PeakBytes() / 1048576.0:N0} MiB");
    }

    static long DirectorySize(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    static void CopyDirectory(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, true);
        }
    }
}
