using System.Diagnostics;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Site;
using ClusterEtl.Transforms.Warehouse;
using Serilog;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// Stage 4: export the marts of this run's build as Parquet next to the warehouse file, and publish both as one new
/// build (<see cref="PublishedBuilds"/>). Skipped when the transform found the warehouse up to date.
/// </summary>
public sealed class PublishStage
{
    public const string Name = StageNames.Publish;
    static readonly ILogger Log = Serilog.Log.ForContext<PublishStage>();

    public StageReport Run(RunRequest request)
    {
        var sw = Stopwatch.StartNew();
        FaultPoints.Reach(Name);
        var layout = request.Layout;
        var build = RunLedger.Read<BuildInfo>(layout, request.RunId, TransformStage.BuildLedger)
                    ?? throw new PipelineException(Name, $"run {request.RunId} has no build", "Run the transform stage first.");
        StageReport report;
        if (build.UpToDate)
        {
            report = new StageReport { Stage = Name, Status = "skipped", Seconds = sw.Elapsed.TotalSeconds, Details = ["nothing new to publish"] };
        }
        else if (!File.Exists(layout.BuildFile(request.RunId)) && PublishedBuilds.Current(layout)?.RunId == request.RunId)
        {
            // Already published by an earlier attempt of this same job: publishing is idempotent.
            report = new StageReport { Stage = Name, Status = "succeeded", Seconds = sw.Elapsed.TotalSeconds, Details = ["already published"] };
        }
        else if (PublishedBuilds.Current(layout)?.RunId is { } newer && string.CompareOrdinal(newer, request.RunId) > 0)
        {
            // Runs of a service can interleave: a later run's build is already out; publishing this one would go back.
            Log.Warning("Not published: run {Newer}, started after this one, has published its build already", newer);
            report = new StageReport { Stage = Name, Status = "skipped", Seconds = sw.Elapsed.TotalSeconds,
                Details = [$"a newer build (run {newer}) is published already"] };
        }
        else if (!File.Exists(layout.BuildFile(request.RunId)))
        {
            throw new PipelineException(Name, $"the build of run {request.RunId} is gone (its process died while publishing, and a later run " +
                "removed what it left)", "Run again: the next run builds and publishes from the published warehouse.");
        }
        else
        {
            var definitions = DefinitionsSnapshot.Load(request, Name);
            var settings = definitions.Settings ?? new WarehouseSettings();
            var staged = Path.Combine(layout.RunStaging(request.RunId), "publish");
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
            Directory.CreateDirectory(staged);
            var warehouse = Path.Combine(staged, DataLayout.WarehouseFileName);
            File.Move(layout.BuildFile(request.RunId), warehouse);
            // The build this one started from, or (a build from scratch) the current one: files identical to its files are linked.
            var previousMarts = (build.PreviousRunId is { } previous ? layout.PublishedBuildDir(previous) : PublishedBuilds.CurrentDir(layout)) is { } dir
                ? Path.Combine(dir, DataLayout.MartsFolderName) : null;
            var marts = new MartPublisher().Export(warehouse, Path.Combine(staged, DataLayout.MartsFolderName), previousMarts,
                settings.DuckDb, settings.DuckDb.SpillDirectory(layout.DataDir, layout.RunStaging(request.RunId)));
            var siteWatch = Stopwatch.StartNew();
            var kinds = definitions.Sources.ToDictionary(s => s.Id, s => s.Kind);
            var pages = SiteWriter.WriteSite(warehouse, Path.Combine(staged, DataLayout.SiteFolderName), settings.SiteLanguage, kinds);
            var siteSeconds = siteWatch.Elapsed.TotalSeconds;
            Log.Information("Wrote the site: {Pages} pages in {Seconds:F2} s", pages, siteSeconds);
            FaultPoints.Reach("publish:exported");
            PublishedBuilds.Publish(layout, staged, new PublishedBuild(request.RunId, build.Fingerprint, DateTimeOffset.UtcNow),
                settings.KeepPublishedBuilds);
            Log.Information("Published build {Run}: {Warehouse} and {Count} mart(s) under {Marts}", request.RunId, layout.WarehouseFile,
                marts.Count, layout.MartsDir);
            report = new StageReport
            {
                Stage = Name,
                Status = "succeeded",
                Rows = marts.Sum(m => m.Rows),
                Seconds = sw.Elapsed.TotalSeconds,
                Details = [.. marts.Select(m => $"marts.{m.Mart}: {m.Rows:N0} rows ({m.Written})"),
                    $"site: {pages} pages ({siteSeconds:F2} s)"],
            };
        }
        var runStaging = layout.RunStaging(request.RunId);
        if (Directory.Exists(runStaging)) Directory.Delete(runStaging, recursive: true);
        // A build a dead run finished but did not publish is kept for a retry of its publish; now that a newer build is
        // out, it never will be: it goes too.
        Debris.Clean(layout, request.RunId);
        RunLedger.Write(layout, request.RunId, Name, report);
        return report;
    }
}
