using Serilog;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// What runs that died left in the data folder, removed by the next run that holds the data folder's lock (so no live
/// run owns them): half-written staging folders, partial downloads, and published build folders that never became
/// current. A build that a run finished (transform succeeded) but did not publish yet is kept for its publish stage,
/// unless a newer build is published.
/// </summary>
public static class Debris
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(Debris));

    /// <param name="runId">The run holding the lock: its own staging is never debris.</param>
    /// <returns>What was removed, relative to the data folder.</returns>
    public static IReadOnlyList<string> Clean(DataLayout layout, string runId)
    {
        var removed = new List<string>();
        var current = PublishedBuilds.Current(layout)?.RunId;
        if (Directory.Exists(layout.StagingDir))
            foreach (var dir in Directory.GetDirectories(layout.StagingDir))
            {
                var run = Path.GetFileName(dir);
                if (run == runId || AwaitsPublish(layout, run, current)) continue;
                Remove(dir);
            }
        if (Directory.Exists(layout.RawDir))
            foreach (var partial in Directory.EnumerateFiles(layout.RawDir, ".incoming-*", SearchOption.AllDirectories).ToList())
                Remove(partial);
        foreach (var build in PublishedBuilds.Prune(layout, int.MaxValue)) removed.Add(Path.Combine("published", build));
        if (removed.Count > 0)
            Log.Warning("Removed what runs that died left behind: {Removed}", string.Join(", ", removed));
        return removed;

        void Remove(string path)
        {
            var bytes = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
                : new FileInfo(path).Length;
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
            removed.Add($"{Path.GetRelativePath(layout.DataDir, path)} ({bytes:N0} bytes)");
        }
    }

    /// <summary>A run whose transform succeeded and whose publish has not run, with no newer build published.</summary>
    static bool AwaitsPublish(DataLayout layout, string run, string? current) =>
        RunLedger.Read<StageReport>(layout, run, TransformStage.Name)?.Status == "succeeded"
        && RunLedger.Read<StageReport>(layout, run, PublishStage.Name) is null
        && File.Exists(layout.BuildFile(run))
        && (current is null || string.CompareOrdinal(run, current) > 0);
}
