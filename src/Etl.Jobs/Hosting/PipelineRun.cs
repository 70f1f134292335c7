using System.Diagnostics;
using ClusterEtl.Jobs.Jobs;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Storage;
using Serilog;

namespace ClusterEtl.Jobs.Hosting;

/// <summary>The outcome of a run: success, or the stage that failed with its one-line reason.</summary>
public sealed record RunOutcome(bool Succeeded, string RunId, IReadOnlyList<StageReport> Stages, string? FailedStage, string? Error);

/// <summary>
/// Runs the pipeline once through Hangfire: an in-process server on Hangfire.InMemory, the four stage jobs
/// enqueued as a chain of continuations (pull → normalize → transform → publish), watched until the last one
/// succeeds or one fails. Definitions are validated before anything is enqueued.
/// </summary>
public static class PipelineRun
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(PipelineRun));
    static readonly string[] StageNames = [PullStage.Name, NormalizeStage.Name, TransformStage.Name, PublishStage.Name];

    /// <summary>The filters of a one-shot run: no automatic retries (bad input never passes on a retry;
    /// downloads retry on their own), continuations on.</summary>
    public static JobFilterCollection OneShotFilters()
    {
        var filters = new JobFilterCollection();
        filters.Add(new CaptureCultureAttribute());
        filters.Add(new AutomaticRetryAttribute { Attempts = 0 });
        filters.Add(new StatisticsHistoryAttribute());
        filters.Add(new ContinuationsSupportAttribute());
        return filters;
    }

    public static async Task<RunOutcome> ExecuteAsync(RunRequest request, CancellationToken ct)
    {
        var definitions = PipelineDefinitions.Load(request.PipelinesDir);
        Log.Information("Run {RunId}: {Sources} source(s), {Clusters} cluster(s), data in {DataDir}",
            request.RunId, definitions.Sources.Count, definitions.Clusters.Count, request.DataDir);

        using var storage = new InMemoryStorage(new InMemoryStorageOptions());
        var filters = OneShotFilters();
        var client = new BackgroundJobClient(storage, filters);
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            FilterProvider = filters,
            ServerName = $"clusteretl-run-{Environment.ProcessId}",
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        using var server = new BackgroundJobServer(serverOptions, storage);

        var ids = new string[4];
        ids[0] = client.Enqueue<PullJob>(j => j.RunAsync(request, CancellationToken.None));
        ids[1] = client.ContinueJobWith<NormalizeJob>(ids[0], j => j.RunAsync(request, CancellationToken.None));
        ids[2] = client.ContinueJobWith<TransformJob>(ids[1], j => j.Run(request));
        ids[3] = client.ContinueJobWith<PublishJob>(ids[2], j => j.Run(request));

        var outcome = await WatchAsync(storage, ids, request, ct);
        server.SendStop();
        return outcome;
    }

    static async Task<RunOutcome> WatchAsync(JobStorage storage, string[] ids, RunRequest request, CancellationToken ct)
    {
        var seen = new string?[ids.Length];
        var sw = Stopwatch.StartNew();
        var stages = new List<StageReport>();
        using var connection = storage.GetConnection();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < ids.Length; i++)
            {
                var state = connection.GetStateData(ids[i]);
                if (state is null || state.Name == seen[i]) continue;
                seen[i] = state.Name;
                switch (state.Name)
                {
                    case "Processing":
                        Log.Information("[{Step}/4] {Stage} started", i + 1, StageNames[i]);
                        break;
                    case "Succeeded":
                        var report = RunLedger.Read<StageReport>(request.Layout, request.RunId, StageNames[i]);
                        if (report is not null)
                        {
                            stages.Add(report);
                            Log.Information("[{Step}/4] {Stage} {Status}: {Rows:N0} rows, {Quarantined:N0} quarantined, {Seconds:0.00} s",
                                i + 1, report.Stage, report.Status, report.Rows, report.QuarantinedRows, report.Seconds);
                            foreach (var d in report.Details) Log.Information("      {Detail}", d);
                        }
                        if (i == ids.Length - 1)
                            return new RunOutcome(true, request.RunId, stages, null, null);
                        break;
                    case "Failed":
                        var message = state.Data.TryGetValue("ExceptionMessage", out var m) ? m : "unknown error";
                        var type = state.Data.TryGetValue("ExceptionType", out var t) ? t : "";
                        if (!type.Contains("PipelineException", StringComparison.Ordinal))
                            message = $"{StageNames[i]} failed with an unexpected {type}: {message} (see the log file for details)";
                        Log.Error("[{Step}/4] {Stage} failed after {Seconds:0.0} s: {Error}", i + 1, StageNames[i], sw.Elapsed.TotalSeconds, message);
                        return new RunOutcome(false, request.RunId, stages, StageNames[i], message);
                    case "Deleted":
                        return new RunOutcome(false, request.RunId, stages, StageNames[i], $"{StageNames[i]} job was deleted");
                }
            }
            await Task.Delay(100, ct);
        }
    }
}
