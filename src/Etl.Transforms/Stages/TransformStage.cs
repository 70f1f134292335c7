using System.Diagnostics;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;
using Serilog;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// Stage 3: build a new warehouse file from the lake with the SQL models. Skipped when nothing it depends on
/// (normalized data, SQL, cluster definitions, reference data, settings) changed since the published build, unless
/// forced. Starts from the published build and recomputes what changed, unless forced (then from scratch).
/// </summary>
public sealed class TransformStage
{
    public const string Name = StageNames.Transform;
    public const string BuildLedger = "build";
    static readonly ILogger Log = Serilog.Log.ForContext<TransformStage>();

    public StageReport Run(RunRequest request)
    {
        var sw = Stopwatch.StartNew();
        FaultPoints.Reach(Name);
        var layout = request.Layout;
        var definitions = DefinitionsSnapshot.Load(request, Name);
        var project = SqlProject.Load(request.SqlDir);
        var fingerprint = Fingerprint(layout, definitions, project);
        var published = PublishedBuilds.Current(layout);

        if (!request.Force && published?.Fingerprint == fingerprint && File.Exists(layout.WarehouseFile))
        {
            Log.Information("Warehouse is up to date (built by run {Run}); nothing to transform", published.RunId);
            RunLedger.Write(layout, request.RunId, BuildLedger, new BuildInfo(request.RunId, fingerprint, true, []));
            return Write(layout, request, new StageReport
            {
                Stage = Name, Status = "skipped", Seconds = sw.Elapsed.TotalSeconds,
                Details = [$"up to date with run {published.RunId}"],
                Warnings = Warnings(layout.WarehouseFile),
            });
        }

        var publishedWarehouse = published is null ? null
            : Path.Combine(layout.PublishedBuildDir(published.RunId), DataLayout.WarehouseFileName);
        var previous = request.Force ? null : publishedWarehouse;
        var extracts = BuildExtracts.Of(layout, definitions);
        var asOf = extracts.Where(e => e.AsOf).ToDictionary(e => e.Source, e => e.ExtractId);
        if (asOf.Count > 0)
            Log.Information("Building as of older extracts: {AsOf}", string.Join(", ", asOf.Select(a => $"{a.Key}={a.Value}")));
        var build = new WarehouseBuilder(SourceConnectors.Lake).Build(layout.BuildFile(request.RunId), project, definitions, layout,
            request.RunId, fingerprint, previous, (extracts, publishedWarehouse));
        FaultPoints.Reach("transform:built");
        RunLedger.Write(layout, request.RunId, BuildLedger,
            new BuildInfo(request.RunId, fingerprint, false, build.Models, build.Mode, build.PreviousRunId, asOf.Count > 0 ? asOf : null));
        return Write(layout, request, new StageReport
        {
            Stage = Name,
            Status = "succeeded",
            Rows = build.Models.Where(m => m.Model.StartsWith("marts.", StringComparison.Ordinal)).Sum(m => m.Rows ?? 0),
            Seconds = sw.Elapsed.TotalSeconds,
            Details = [$"{build.Mode} build{(build.PreviousRunId is null ? "" : $" from run {build.PreviousRunId}")}" +
                       (asOf.Count > 0 ? $", as of {string.Join(", ", asOf.Select(a => $"{a.Key}={a.Value}"))}" : ""),
                ..build.Models.Select(m => $"{m.Model}: {(m.Rows is { } n ? $"{n:N0} rows" : "view")}, recomputed {m.Rebuilt}, changed {m.Changed}")],
            Warnings = Warnings(layout.BuildFile(request.RunId)),
        });
    }

    /// <summary>What the warehouse tells the user to look at (<see cref="RunWarnings"/>).</summary>
    static List<string> Warnings(string warehouseFile)
    {
        using var c = DuckDb.Open(warehouseFile, readOnly: true);
        return RunWarnings.From(c);
    }

    static StageReport Write(DataLayout layout, RunRequest request, StageReport report)
    {
        RunLedger.Write(layout, request.RunId, Name, report);
        return report;
    }

    static string Fingerprint(DataLayout layout, PipelineDefinitions definitions, SqlProject project)
    {
        var fp = new Fingerprint().Add("builder", WarehouseBuilder.Version);
        foreach (var s in definitions.Sources)
        {
            // The run that last wrote the source's data counts too: a backfill changes data, not the fingerprint.
            var normalized = NormalizeState.Read(layout, s.Id);
            fp.Add("normalized:" + s.Id, normalized is null ? "none" : $"{normalized.Fingerprint}@{normalized.RunId}");
        }
        foreach (var c in definitions.Clusters) fp.AddFile("cluster:" + c.Id, definitions.ClusterFile(c.Id));
        if (File.Exists(WarehouseSettings.PathIn(definitions.Directory)))
            fp.AddFile("settings", WarehouseSettings.PathIn(definitions.Directory));
        // Every reference file the build loads lives in pipelines/reference/: all of them count, so a new one cannot be forgotten.
        var referenceDir = Path.Combine(definitions.Directory, "reference");
        if (Directory.Exists(referenceDir))
            foreach (var f in Directory.GetFiles(referenceDir).Order(StringComparer.Ordinal))
                fp.AddFile("reference:" + Path.GetFileName(f), f);
        foreach (var f in Directory.GetFiles(project.Directory, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            fp.AddFile("sql:" + Path.GetRelativePath(project.Directory, f).Replace('\\', '/'), f);
        return fp.Value;
    }
}
