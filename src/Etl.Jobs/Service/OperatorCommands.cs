using System.Globalization;
using System.Text.Json;
using ClusterEtl.Jobs.Cli;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using Hangfire;
using Hangfire.Storage;

namespace ClusterEtl.Jobs.Service;

/// <summary><c>jobs</c>, <c>trigger</c>, <c>runs</c>: what an operator asks of a running service.</summary>
public static class OperatorCommands
{
    static JobStorage SharedStorage(ServeOptions o, string command)
    {
        if (o.Storage != "postgres")
            throw new UsageException($"{command} works against the service's storage: pass --storage postgres " +
                                     $"(with --postgres or {ServeOptions.PostgresVariable}); memory storage lives inside one serve process");
        return JobStorageFactory.Create(o, out _);
    }

    public static int Jobs(ServeOptions o, TextWriter output)
    {
        var storage = SharedStorage(o, "jobs");
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs();
        output.WriteLine($"{"id",-28} {"cron",-14} {"time zone",-20} {"next run (UTC)",-20} {"last run (UTC)",-20} last state");
        foreach (var j in jobs.OrderBy(j => j.Id, StringComparer.Ordinal))
            output.WriteLine($"{j.Id,-28} {j.Cron,-14} {j.TimeZoneId ?? "UTC",-20} {Time(j.NextExecution),-20} {Time(j.LastExecution),-20} {j.LastJobState ?? "-"}");
        if (jobs.Count == 0) output.WriteLine("(no recurring jobs: start `serve` with a pipelines/schedule.json)");
        return 0;
    }

    public static int Trigger(ServeOptions o, string id, TextWriter output)
    {
        var storage = SharedStorage(o, "trigger");
        using var connection = storage.GetConnection();
        var known = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        var full = known.Contains(id) ? id : ScheduleDefinitions.RecurringJobPrefix + id;
        if (!known.Contains(full))
            throw new UsageException($"no recurring job '{id}' (known: {string.Join(", ", known)})");
        var jobId = new RecurringJobManager(storage).TriggerJob(full);
        output.WriteLine($"triggered {full} (job {jobId}); follow it with `runs` or on the dashboard");
        return 0;
    }

    /// <summary>Queues a backfill on the service's storage; returns its run id.</summary>
    public static int Backfill(CliOptions o, TextWriter output)
    {
        var storage = SharedStorage(o.Serve, "backfill");
        var definitions = PipelineDefinitions.Load(o.PipelinesDir);
        var request = BackfillRequest(o);
        request.SelectSources(definitions);
        ClusterEtl.Jobs.Hosting.PipelineChain.Enqueue(new BackgroundJobClient(storage), request);
        output.WriteLine($"queued backfill of {o.Argument} years {o.Years![0]}-{o.Years[1]} as run {request.RunId}; follow it with `runs`");
        return 0;
    }

    public static RunRequest BackfillRequest(CliOptions o) =>
        new(RunRequest.NewRunId(DateTimeOffset.UtcNow), o.PipelinesDir, o.DataDir, o.SqlDir, false, [o.Argument!], o.Years);

    public static int Runs(DataLayout layout, int last, TextWriter output)
    {
        if (!Directory.Exists(layout.RunsDir))
        {
            output.WriteLine($"no runs yet in {layout.RunsDir}");
            return 0;
        }
        var stages = new[] { PullStage.Name, NormalizeStage.Name, TransformStage.Name, PublishStage.Name };
        foreach (var dir in Directory.GetDirectories(layout.RunsDir).OrderDescending(StringComparer.Ordinal).Take(last))
        {
            var runId = Path.GetFileName(dir);
            var reports = stages.Select(s => RunLedger.Read<StageReport>(layout, runId, s)).ToList();
            var status = reports.Any(r => r?.Status == "failed") ? "FAILED"
                : reports[^1] is null ? "running or stopped" : "ok";
            output.WriteLine($"{runId}  {status}");
            foreach (var r in reports.OfType<StageReport>())
                output.WriteLine($"    {r.Stage,-10} {r.Status,-9} {r.Rows,12:N0} {r.Unit,-5} {r.Seconds,8:0.00} s" +
                                 (r.Error is null ? "" : $"  {r.Error}"));
        }
        return 0;
    }

    static string Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
