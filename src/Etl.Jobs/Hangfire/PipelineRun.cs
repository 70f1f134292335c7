using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Serilog;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// Runs the pipeline once through Hangfire: an in-process server on Hangfire.InMemory, the four stage jobs
/// enqueued as a chain of continuations (pull → normalize → transform → publish), watched until the last one
/// succeeds or one fails. Definitions are validated before anything is enqueued.
/// </summary>
public static class PipelineRun
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(PipelineRun));

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
        var definitions = PipelineDefinitions.Load(request.PipelinesDir, SourceConnectors.Kinds);
        Log.Information("Run {RunId}: {Sources} source(s), {Clusters} cluster(s), data in {DataDir}",
            request.RunId, definitions.Sources.Count, definitions.Clusters.Count, request.DataDir);
        foreach (var warning in definitions.Warnings) Log.Warning("{Warning}", warning);

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

        var ids = PipelineChain.Enqueue(client, request);

        var outcome = await WatchAsync(storage, ids, request, ct);
        server.SendStop();
        if (!outcome.Succeeded)
        {
            // The chain stopped: nothing of this run will be published; drop its half-made files.
            var staging = request.Layout.RunStaging(request.RunId);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return outcome;
    }

    /// <summary>Waits until the last job succeeds or one fails; the jobs log their own progress.</summary>
    static async Task<RunOutcome> WatchAsync(JobStorage storage, string[] ids, RunRequest request, CancellationToken ct)
    {
        using var connection = storage.GetConnection();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < ids.Length; i++)
            {
                var state = connection.GetStateData(ids[i]);
                switch (state?.Name)
                {
                    case "Succeeded" when i == ids.Length - 1:
                        return new RunOutcome(true, request.RunId, Reports(request), null, null);
                    case "Failed":
                        var message = state.Data.TryGetValue("ExceptionMessage", out var m) ? m : "unknown error";
                        var type = state.Data.TryGetValue("ExceptionType", out var t) ? t : "";
                        if (!type.Contains("PipelineException", StringComparison.Ordinal) &&
                            !type.Contains("DefinitionException", StringComparison.Ordinal))
                            message = $"{StageNames.InOrder[i]} failed with an unexpected {type}: {message} (see the log file for details)";
                        Log.Error("[{Step}/4] {Error}", i + 1, message);
                        return new RunOutcome(false, request.RunId, Reports(request), StageNames.InOrder[i], message);
                    case "Deleted":
                        return new RunOutcome(false, request.RunId, Reports(request), StageNames.InOrder[i], $"{StageNames.InOrder[i]} job was deleted");
                }
            }
            await Task.Delay(100, ct);
        }
    }

    static List<StageReport> Reports(RunRequest request) =>
        StageNames.InOrder.Select(s => RunLedger.Read<StageReport>(request.Layout, request.RunId, s)).OfType<StageReport>().ToList();
}
