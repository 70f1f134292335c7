using System.CommandLine;
using System.Globalization;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using Hangfire.Storage;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>jobs</c>: the recurring jobs. With <c>--storage postgres</c>, as the service holds them (next and last run, state);
/// with the default memory storage, as <c>pipelines/schedule.json</c> defines them (no service keeps their state).
/// </summary>
public static class JobsCommand
{
    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var sql = CommonOptions.Sql();
        var storage = new StorageOptions();
        var command = new Command("jobs", "The recurring jobs: cron, time zone, next and last run, state (the service's with " +
                                          "--storage postgres; else those schedule.json defines)")
        {
            pipelines, data, sql,
        };
        storage.AddTo(command);
        command.SetAction(p => Run(storage.Read(p), p.GetValue(pipelines)!, Console.Out));
        return command;
    }

    static int Run(ServeOptions o, string pipelinesDir, TextWriter output)
    {
        output.WriteLine($"{"id",-28} {"cron",-14} {"time zone",-20} {"next run (UTC)",-20} {"last run (UTC)",-20} last state");
        if (o.Storage != "postgres")
        {
            var schedules = ScheduleDefinitions.Load(PipelineDefinitions.Load(pipelinesDir, SourceConnectors.Kinds));
            foreach (var e in schedules)
                output.WriteLine($"{e.Id,-28} {e.Cron,-14} {e.TimeZone.Id,-20} {Time(e.NextOccurrenceUtc(DateTime.UtcNow)),-20} {"-",-20} -");
            output.WriteLine(schedules.Count == 0
                ? $"(no schedules in {Path.Combine(pipelinesDir, ScheduleDefinitions.FileName)})"
                : "(memory storage: the schedules of schedule.json, run by `serve`; `trigger ID` runs one now in this process)");
            return 0;
        }
        var storage = JobStorageFactory.Create(o, out _);
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs();
        foreach (var j in jobs.OrderBy(j => j.Id, StringComparer.Ordinal))
            output.WriteLine($"{j.Id,-28} {j.Cron,-14} {j.TimeZoneId ?? "UTC",-20} {Time(j.NextExecution),-20} {Time(j.LastExecution),-20} {j.LastJobState ?? "-"}");
        if (jobs.Count == 0) output.WriteLine("(no recurring jobs: start `serve` with a pipelines/schedule.json)");
        return 0;
    }

    static string Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
