using System.Diagnostics;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pull;
using Serilog;

namespace ClusterEtl.Transforms.Pipeline;

/// <summary>The files a run pulled, per source: the input of the normalize stage.</summary>
public sealed record PulledSource(string Source, IReadOnlyList<ManifestEntry> Files);

/// <summary>Stage 1: bring every source's files into the raw store and the manifest.</summary>
public sealed class PullStage(HttpClient http)
{
    public const string Name = "pull";
    public const string FilesLedger = "pull-files";
    static readonly ILogger Log = Serilog.Log.ForContext<PullStage>();

    public async Task<StageReport> RunAsync(RunRequest request, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        FaultPoints.Reach(Name);
        var definitions = PipelineDefinitions.Load(request.PipelinesDir);
        var layout = request.Layout;
        var puller = new SourcePuller(http);
        var pulled = new List<PulledSource>();
        var details = new List<string>();
        foreach (var source in request.SelectSources(definitions))
        {
            var files = await Normalize.SourceConnectors.For(source.Kind)
                .PullAsync(new Normalize.PullContext(layout, source, puller, request.RunId), ct);
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
