using System.CommandLine;
using System.Globalization;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>runs</c>: recent runs from the run ledger (<c>runs/</c> of the data folder): start, duration, stages, rows, errors.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.DataDir();
        var last = CommonOptions.Number("--last", 1, 10_000, 10, "N", "How many runs to show");
        var extracts = new Option<bool>("--extracts")
        {
            Description = "List instead the extracts the raw store keeps per source (the ids run --as-of SOURCE=EXTRACT_ID takes)",
        };
        var command = new Command("runs", "Recent runs from the run ledger: start time, duration, stages, rows, errors") { data, last, extracts };
        command.SetAction(p => p.GetValue(extracts)
            ? Extracts(new DataLayout(p.GetValue(data)!), Console.Out)
            : Run(new DataLayout(p.GetValue(data)!), p.GetValue(last), Console.Out));
        return command;
    }

    /// <summary>Every source's stored extracts, oldest first: id, first fetch, files, bytes; which one the lake holds and the newest.</summary>
    public static int Extracts(DataLayout layout, TextWriter output)
    {
        var manifest = Manifest.ReadAll(layout);
        var sources = manifest.Select(e => e.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sources.Count == 0) output.WriteLine($"no extracts yet in {layout.RawDir}");
        foreach (var source in sources)
        {
            var inLake = NormalizeState.Read(layout, source)?.ExtractId;
            var newest = RawExtracts.Newest(layout, manifest, source)?.ExtractId;
            output.WriteLine(source);
            foreach (var e in RawExtracts.Of(layout, manifest, source))
                output.WriteLine($"    {e.ExtractId}  fetched {e.FirstFetchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}" +
                                 $"  {e.Files.Count} file(s) {e.Bytes,14:N0} bytes" +
                                 (e.ExtractId == newest ? "  newest" : "") + (e.ExtractId == inLake ? "  in the lake" : ""));
        }
        return 0;
    }

    public static int Run(DataLayout layout, int last, TextWriter output)
    {
        if (!Directory.Exists(layout.RunsDir))
        {
            output.WriteLine($"no runs yet in {layout.RunsDir}");
            return 0;
        }
        var stages = StageNames.InOrder;
        foreach (var dir in Directory.GetDirectories(layout.RunsDir).OrderDescending(StringComparer.Ordinal).Take(last))
        {
            var runId = Path.GetFileName(dir);
            var reports = stages.Select(s => RunLedger.Read<StageReport>(layout, runId, s)).ToList();
            var status = reports.Any(r => r?.Status == "failed") ? "FAILED"
                : reports[^1] is null ? "running or stopped" : "ok";
            output.WriteLine($"{runId}  {status,-6}  started {Started(runId, reports)}  took {Duration(reports)}");
            foreach (var r in reports.OfType<StageReport>())
                output.WriteLine($"    {r.Stage,-10} {r.Status,-9} {r.Rows,12:N0} {r.Unit,-5} {r.Seconds,8:0.00} s" +
                                 (r.Error is null ? "" : $"  {r.Error}"));
        }
        return 0;
    }

    /// <summary>The first stage's start, else the time in the run id (yyyyMMddTHHmmssZ-…).</summary>
    static string Started(string runId, IReadOnlyList<StageReport?> reports)
    {
        var started = reports.FirstOrDefault(r => r?.StartedAt is not null)?.StartedAt;
        if (started is null && DateTimeOffset.TryParseExact(runId.Split('-')[0], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var fromId))
            started = fromId;
        return started?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";
    }

    /// <summary>From the first stage's start to the last one's end (waits between stages included), else the stages' sum.</summary>
    static string Duration(IReadOnlyList<StageReport?> reports)
    {
        var done = reports.OfType<StageReport>().ToList();
        if (done.Count == 0) return "-";
        var first = done.FirstOrDefault(r => r.StartedAt is not null)?.StartedAt;
        var end = done.LastOrDefault(r => r.FinishedAt is not null)?.FinishedAt;
        var seconds = first is not null && end is not null ? (end.Value - first.Value).TotalSeconds : done.Sum(r => r.Seconds);
        return seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
    }
}
