using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using Hangfire.Server;
using Serilog;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// Runs a stage under the data folder's distributed lock (one stage at a time per data folder, across all
/// workers sharing the storage; the storage expires the lock of a killed worker), logs its progress and
/// records a failure in the run ledger.
/// </summary>
public static class StageUnderLock
{
    public static int Steps => StageNames.InOrder.Count;
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(30);
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(StageUnderLock));

    public static string LockResource(string dataDir) =>
        "clusteretl:data:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDir))))[..16];

    public static async Task<string> RunAsync(PerformContext? context, RunRequest request, string stage,
        Func<Task<StageReport>> run)
    {
        // The storage's lock serializes the workers of every process sharing the storage; the data folder's own lock
        // also keeps out a `run` or `backfill` started by hand on the same folder (and is already held by this run's
        // process when the run is one).
        var step = StageNames.InOrder.ToList().IndexOf(stage) + 1;
        using var dataLock = context?.Connection.AcquireDistributedLock(LockResource(request.DataDir), LockTimeout);
        using var folderLock = AcquireFolder(request, stage);
        Debris.Clean(request.Layout, request.RunId);
        Log.Information("[{Step}/{Steps}] {Stage} started (run {RunId})", step, Steps, stage, request.RunId);
        StageReport r;
        var started = DateTimeOffset.UtcNow;
        try
        {
            r = await run();
        }
        catch (Exception e)
        {
            RunLedger.Write(request.Layout, request.RunId, stage, new StageReport
            {
                Stage = stage, Status = "failed", Error = e.Message, Details = [e.GetType().Name],
                StartedAt = started, FinishedAt = DateTimeOffset.UtcNow, Seconds = (DateTimeOffset.UtcNow - started).TotalSeconds,
            });
            throw;
        }
        r = r with { StartedAt = started, FinishedAt = DateTimeOffset.UtcNow };
        RunLedger.Write(request.Layout, request.RunId, stage, r);
        Log.Information("[{Step}/{Steps}] {Stage} {Status}: {Rows:N0} {Unit}, {Quarantined:N0} quarantined, {Seconds:0.00} s",
            step, Steps, r.Stage, r.Status, r.Rows, r.Unit, r.QuarantinedRows, r.Seconds);
        foreach (var d in r.Details) Log.Information("      {Detail}", d);
        foreach (var w in r.Warnings) Log.Warning("      {Warning}", w);
        // Hangfire keeps this as the job's result: the stage's summary on the dashboard's job page.
        return $"{r.Stage} {r.Status}: {r.Rows:N0} {r.Unit}, {r.QuarantinedRows:N0} quarantined, {r.Seconds:0.00} s" +
               (r.Warnings.Count > 0 ? $"; {r.Warnings.Count} warning(s): {string.Join("; ", r.Warnings)}" : "");
    }

    /// <summary>The data folder's lock for a stage; a folder busy with a hand-started run is a transient failure (retried).</summary>
    static DataFolderLock AcquireFolder(RunRequest request, string stage)
    {
        try
        {
            return DataFolderLock.Acquire(request.Layout, request.RunId, stage, LockTimeout);
        }
        catch (DataFolderBusyException e)
        {
            throw new TransientPipelineException(stage, e.What, e.Hint);
        }
    }
}
