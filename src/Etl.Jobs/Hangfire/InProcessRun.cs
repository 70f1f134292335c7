using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using Serilog;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// A run in this process (<c>run</c>, and <c>backfill</c> and <c>trigger</c> with memory storage): takes the data folder's
/// lock, runs the chain of stage jobs on an embedded Hangfire server, prints the summary table, and returns the exit
/// code (0 published or nothing to do, 1 failed with the one-line reason on stderr).
/// </summary>
public static class InProcessRun
{
    public static async Task<int> ExecuteAsync(RunRequest request, string what, int waitSeconds, bool verbose, CancellationToken ct)
    {
        var layout = request.Layout;
        LoggingSetup.ToDataFolder(layout.LogsDir, verbose, hangfireOnConsole: false);
        using var folder = DataFolderLock.Acquire(layout, request.RunId, what, TimeSpan.FromSeconds(waitSeconds), ct);
        var outcome = await PipelineRun.ExecuteAsync(request, ct);
        RunSummary.Write(outcome.RunId, outcome.Stages, Console.Out);
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"error: {outcome.Error}");
            return 1;
        }
        Log.Information("Run {RunId} succeeded. Warehouse: {Warehouse}; marts as Parquet: {Marts}; run ledger: {Ledger}",
            outcome.RunId, layout.WarehouseFile, layout.MartsDir, layout.RunDir(outcome.RunId));
        return 0;
    }
}
