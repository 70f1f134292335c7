using System.Text.Json;
using Serilog;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// The published builds: each in its own folder <c>published/&lt;run&gt;/</c> (warehouse file, marts, build.json), and
/// one link, <c>current</c>, switched in a single rename when a new build is complete. Readers open
/// <c>warehouse/clusters.duckdb</c> and <c>lake/marts/</c>, links through <c>current</c>, so they always see one whole
/// build, old or new, never a mix. The last few builds are kept (a reader with an old one open keeps reading it).
/// </summary>
public static class PublishedBuilds
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(PublishedBuilds));

    /// <summary>The build readers see now, or null when nothing was published yet.</summary>
    public static PublishedBuild? Current(DataLayout layout)
    {
        var info = Path.Combine(layout.CurrentLink, DataLayout.BuildInfoFileName);
        return File.Exists(info) ? JsonSerializer.Deserialize<PublishedBuild>(File.ReadAllText(info), StageReport.Json) : null;
    }

    /// <summary>The folder of the current build (the target of <c>current</c>), or null.</summary>
    public static string? CurrentDir(DataLayout layout) =>
        new DirectoryInfo(layout.CurrentLink).LinkTarget is { } target && Current(layout) is not null
            ? Path.GetFullPath(Path.Combine(layout.DataDir, target))
            : null;

    /// <summary>
    /// Puts a complete build in place: <paramref name="staged"/> (holding the warehouse file and the marts) becomes
    /// <c>published/&lt;run&gt;/</c>, then <c>current</c> is switched to it in one rename. Builds older than the
    /// <paramref name="keep"/> most recent are removed afterwards.
    /// </summary>
    public static void Publish(DataLayout layout, string staged, PublishedBuild build, int keep)
    {
        AtomicFile.WriteAllText(Path.Combine(staged, DataLayout.BuildInfoFileName), JsonSerializer.Serialize(build, StageReport.Json));
        var target = layout.PublishedBuildDir(build.RunId);
        Directory.CreateDirectory(layout.PublishedDir);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // an earlier, unfinished attempt of this run
        Directory.Move(staged, target);
        FaultPoints.Reach("publish:moved");
        PosixFiles.PointLink(layout.CurrentLink, Path.Combine("published", build.RunId));
        FaultPoints.Reach("publish:switched");
        EnsureReaderLinks(layout, build.RunId);
        Prune(layout, keep);
    }

    /// <summary>
    /// <c>warehouse</c>, <c>lake/marts</c> and <c>site</c> as links through <c>current</c>. A data folder from before versioned
    /// publishing has real folders there: they are replaced (the build they held was just superseded).
    /// </summary>
    static void EnsureReaderLinks(DataLayout layout, string runId)
    {
        (string Path, string Target)[] links =
        [
            (layout.WarehouseDir, "current"),
            (layout.MartsDir, Path.Combine("..", "current", DataLayout.MartsFolderName)),
            (layout.SiteDir, Path.Combine("current", DataLayout.SiteFolderName)),
        ];
        foreach (var (path, target) in links)
        {
            var info = new DirectoryInfo(path);
            if (info.LinkTarget == target) continue;
            if (info.Exists && info.LinkTarget is null)
            {
                var parked = Path.Combine(layout.RunStaging(runId), "replaced-" + Path.GetFileName(path));
                Directory.CreateDirectory(Path.GetDirectoryName(parked)!);
                Directory.Move(path, parked);
                Log.Information("{Path} is now a link to the current build (it was a folder of the older layout)", path);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PosixFiles.PointLink(path, target);
        }
        var legacyState = Path.Combine(layout.StateDir, "published-build.json");
        if (File.Exists(legacyState)) File.Delete(legacyState);
    }

    /// <summary>
    /// Removes published builds beyond the <paramref name="keep"/> most recent up to the current one, and builds newer
    /// than the current one (a publish killed after moving its folder, before switching <c>current</c>). Returns what it removed.
    /// </summary>
    public static IReadOnlyList<string> Prune(DataLayout layout, int keep)
    {
        if (!Directory.Exists(layout.PublishedDir)) return [];
        // No current build: every folder is a publish that never finished (its build became current never).
        var current = CurrentDir(layout) is { } dir ? Path.GetFileName(dir) : "";
        var builds = Directory.GetDirectories(layout.PublishedDir).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        var older = builds.Where(b => string.CompareOrdinal(b, current) < 0).ToList();
        var removed = older.Take(Math.Max(0, older.Count - Math.Max(0, keep - 1)))
            .Concat(builds.Where(b => string.CompareOrdinal(b, current) > 0)).ToList();
        foreach (var b in removed)
        {
            Directory.Delete(Path.Combine(layout.PublishedDir, b), recursive: true);
            Log.Information("Removed published build {Build} ({Why})", b,
                string.CompareOrdinal(b, current) > 0 ? "an unfinished publish, never current" : "older than the builds kept");
        }
        return removed;
    }
}
