using System.Diagnostics;
using System.Text.Json;
using ClusterEtl.Transforms.Warehouse;
using Serilog;

namespace ClusterEtl.Transforms.Pipeline;

/// <summary>
/// Stage 4: export the marts of this run's build as Parquet and swap the build and the Parquet into place.
/// Skipped when the transform found the warehouse up to date.
/// </summary>
public sealed class PublishStage
{
    public const string Name = "publish";
    static readonly ILogger Log = Serilog.Log.ForContext<PublishStage>();

    public StageReport Run(RunRequest request)
    {
        var sw = Stopwatch.StartNew();
        var layout = request.Layout;
        var build = RunLedger.Read<BuildInfo>(layout, request.RunId, TransformStage.BuildLedger)
                    ?? throw new PipelineException(Name, $"run {request.RunId} has no build", "Run the transform stage first.");
        StageReport report;
        if (build.UpToDate)
        {
            report = new StageReport { Stage = Name, Status = "skipped", Seconds = sw.Elapsed.TotalSeconds, Details = ["nothing new to publish"] };
        }
        else if (!File.Exists(layout.BuildFile(request.RunId)) && TransformStage.ReadPublished(layout)?.RunId == request.RunId)
        {
            // Already published by an earlier attempt of this same job: publishing is idempotent.
            report = new StageReport { Stage = Name, Status = "succeeded", Seconds = sw.Elapsed.TotalSeconds, Details = ["already published"] };
        }
        else
        {
            var marts = new MartPublisher().Publish(layout, request.RunId);
            AtomicFile.WriteAllText(layout.PublishedBuildState,
                JsonSerializer.Serialize(new PublishedBuild(request.RunId, build.Fingerprint, DateTimeOffset.UtcNow), StageReport.Json));
            Log.Information("Published {Warehouse} and {Count} mart(s) under {Marts}", layout.WarehouseFile, marts.Count, layout.MartsDir);
            report = new StageReport
            {
                Stage = Name,
                Status = "succeeded",
                Rows = marts.Sum(m => m.Rows),
                Seconds = sw.Elapsed.TotalSeconds,
                Details = marts.Select(m => $"marts.{m.Mart}: {m.Rows:N0} rows").ToList(),
            };
        }
        var staging = layout.RunStaging(request.RunId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        RunLedger.Write(layout, request.RunId, Name, report);
        return report;
    }
}
