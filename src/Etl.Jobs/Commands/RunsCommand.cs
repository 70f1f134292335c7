using System.CommandLine;
using System.Globalization;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>runs</c>: recent runs from the run ledger (<c>runs/</c> of the data folder): start, duration, stages, rows, errors.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.DataDir();
        var last = CommonOptions.Number("--last", 1, 10_000, 10, "N", "How many runs to show");
        var command = new Command("runs", "Recent runs from the run ledger: start time, duration, stages, rows, errors") { data, last };
        command.SetAction(p => Run(new DataLayout(p.GetValue(data)!), p.GetValue(last), Console.Out));
        return command;
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
