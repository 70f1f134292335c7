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
        CheckAsOf(request, definitions);
        foreach (var source in request.SelectSources(definitions))
        {
            if (request.AsOfExtract(source.Id) is { } extractId)
            {
                // As of an earlier extract: its stored files, not a fetch (the manifest records fetches only).
                var extract = RawExtracts.Find(layout, source.Id, extractId);
                pulled.Add(new PulledSource(source.Id, extract.Files));
                details.Add($"{source.Id}: as of extract {extract.ExtractId} (fetched {extract.FirstFetchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z), " +
                            $"{extract.Files.Count} stored file(s), not fetched");
                Log.Information("{Source}: as of extract {Extract}, not fetched", source.Id, extract.ExtractId);
                continue;
            }
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

    /// <summary>Every source of <see cref="RunRequest.AsOf"/> must be one this run pulls.</summary>
    static void CheckAsOf(RunRequest request, PipelineDefinitions definitions)
    {
        var selected = request.SelectSources(definitions).Select(s => s.Id).ToHashSet();
        foreach (var source in (request.AsOf?.Keys.ToList() ?? []).Where(s => !selected.Contains(s)))
            throw new PipelineException(Name, $"--as-of names the source '{source}', which this run does not pull",
                $"Sources of this run: {string.Join(", ", selected.Order(StringComparer.Ordinal))}.", source);
    }
}
