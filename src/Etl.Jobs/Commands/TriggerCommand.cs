using System.CommandLine;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Storage;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>trigger ID</c>: run a recurring job now. With <c>--storage postgres</c> the service's workers run it; with the
/// default memory storage it runs here, in this process, as <c>run</c> does (its sources only).
/// </summary>
public static class TriggerCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The schedule's id in pipelines/schedule.json, e.g. baci-monthly" };
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var sql = CommonOptions.Sql();
        var wait = CommonOptions.Wait();
        var storage = new StorageOptions();
        var command = new Command("trigger", "Run a recurring job now: queued on the service with --storage postgres, else run in this process")
        {
            id, pipelines, data, sql, wait,
        };
        storage.AddTo(command);
        command.SetAction(async (p, ct) =>
        {
            var o = storage.Read(p);
            if (o.Storage == "postgres") return Queue(o, p.GetValue(id)!, Console.Out);
            var schedules = ScheduleDefinitions.Load(PipelineDefinitions.Load(p.GetValue(pipelines)!, SourceConnectors.Kinds));
            var entry = Find(p.GetValue(id)!, schedules.Select(s => s.Id).ToList(), e => schedules.Single(s => s.Id == e));
            var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), p.GetValue(pipelines)!, p.GetValue(data)!,
                p.GetValue(sql)!, false, entry.Sources?.ToArray());
            return await InProcessRun.ExecuteAsync(request, $"trigger {entry.Id}", p.GetValue(wait), p.GetValue(CommonOptions.Verbose), ct);
        });
        return command;
    }

    static int Queue(ServeOptions o, string id, TextWriter output)
    {
        var storage = JobStorageFactory.Create(o, out _);
        using var connection = storage.GetConnection();
        var known = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        var full = Find(id, known, k => k);
        var jobId = new RecurringJobManager(storage).TriggerJob(full);
        output.WriteLine($"triggered {full} (job {jobId}); follow it with `runs` or on the dashboard");
        return 0;
    }

    /// <summary>The known id <paramref name="id"/> names (with or without the recurring jobs' prefix), or a usage error with the closest.</summary>
    static T Find<T>(string id, IReadOnlyList<string> known, Func<string, T> pick)
    {
        foreach (var candidate in new[] { id, ScheduleDefinitions.RecurringJobPrefix + id })
            if (known.Contains(candidate)) return pick(candidate);
        throw new UsageException(known.Count == 0
            ? $"no recurring job '{id}': there are no schedules (pipelines/{ScheduleDefinitions.FileName})"
            : $"no recurring job '{id}' (closest: {string.Join(", ", TextDistance.Closest(id, known))})");
    }
}
