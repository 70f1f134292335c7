using System.Diagnostics;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using Serilog;

namespace ClusterEtl.Transforms.Stages;

/// <summary>Stage 1: bring every source's files into the raw store and the manifest.</summary>
public sealed class PullStage(HttpClient http)
{
    public const string Name = StageNames.Pull;
    public const string FilesLedger = "pull-files";
    static readonly ILogger Log = Serilog.Log.ForContext<PullStage>();

    public async Task<StageReport> RunAsync(RunRequest request, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        FaultPoints.Reach(Name);
        var definitions = DefinitionsSnapshot.Load(request, Name);
        var layout = request.Layout;
        var puller = new SourcePuller(http);
        var pulled = new List<PulledSource>();
        var details = new List<string>();
        foreach (var source in request.SelectSources(definitions))
        {
            var files = await SourceConnectors.For(source.Kind)
                .PullAsync(new PullContext(layout, source, puller, request.RunId), ct);
            pulled.Add(new PulledSource(source.Id, files));
            details.Add($"{source.Id}: {string.Join(", ", files.Select(f => $"{f.Role} {f.Bytes:N0} bytes {(f.Changed ? "new" : "unchanged")}"))}");
        }
        RunLedger.Write(layout, request.RunId, FilesLedger, pulled);
        var report = new StageReport
        {
            Stage = Name,
            Status = "succeeded",
            Rows = pulled.Sum(p => p.Files.Count),
            Unit = "files",
            Seconds = sw.Elapsed.TotalSeconds,
            Details = details,
        };
        RunLedger.Write(layout, request.RunId, Name, report);
        Log.Information("Pulled {Files} file(s) of {Sources} source(s) in {Seconds:0.00} s", report.Rows, pulled.Count, report.Seconds);
        return report;
    }
}
