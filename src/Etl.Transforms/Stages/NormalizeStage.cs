using System.Diagnostics;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using Serilog;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// Stage 2: turn each source's raw files into Parquet in the lake. A source whose inputs (raw content,
/// options, normalizer version) did not change since its last normalization is skipped. Output is written
/// to the run's staging area and moved into <c>lake/</c> only when the source is complete.
/// </summary>
public sealed class NormalizeStage
{
    public const string Name = StageNames.Normalize;
    static readonly ILogger Log = Serilog.Log.ForContext<NormalizeStage>();

    public async Task<StageReport> RunAsync(RunRequest request, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        FaultPoints.Reach(Name);
        var layout = request.Layout;
        var definitions = DefinitionsSnapshot.Load(request, Name);
        var pulled = RunLedger.Read<List<PulledSource>>(layout, request.RunId, PullStage.FilesLedger)
                     ?? throw new PipelineException(Name, $"run {request.RunId} has no pull results",
                         "Run the pull stage of this run first.");
        long rows = 0, quarantined = 0;
        var details = new List<string>();
        var warnings = new List<string>();
        var normalizedAny = false;
        foreach (var source in request.SelectSources(definitions))
        {
            var files = pulled.FirstOrDefault(p => p.Source == source.Id)?.Files
                        ?? throw new PipelineException(Name, "the source was not pulled in this run",
                            "Rerun the whole pipeline.", source.Id);
            var connector = SourceConnectors.For(source.Kind);
            var fingerprint = NormalizeFingerprint.Of(connector, source, files, definitions.Directory);
            var previous = NormalizeState.Read(layout, source.Id);
            if (!request.Force && request.YearRange is null && previous?.Fingerprint == fingerprint &&
                LakeSwap.HasAll(layout, connector.Tables, source.Id))
            {
                Log.Information("{Source}: unchanged since run {Run}, not normalized again", source.Id, previous.RunId);
                details.Add($"{source.Id}: unchanged, skipped ({previous.Rows:N0} rows from run {previous.RunId})");
                continue;
            }

            var state = await NormalizeSourceAsync(request, connector, source, definitions, files, fingerprint, previous, ct);
            if (state is null)
            {
                var (first, last) = request.YearRange!.Value;
                var warning = $"{source.Id}: no rows of years {first}-{last} in the source; nothing replaced, nothing new to publish";
                Log.Warning("{Warning}", warning);
                details.Add(warning);
                warnings.Add(warning);
                continue;
            }
            normalizedAny = true;
            rows += state.Rows;
            quarantined += state.Quarantined;
            details.Add($"{source.Id}: {state.Rows:N0} rows, {state.Quarantined:N0} quarantined, " +
                        (state.DuplicatesDropped > 0 ? $"{state.DuplicatesDropped:N0} exact duplicate(s) dropped, " : "") +
                        $"years {string.Join(",", state.Years)}");
        }
        PruneRemovedSources(layout, definitions);

        var report = new StageReport
        {
            Stage = Name,
            Status = normalizedAny ? "succeeded" : "skipped",
            Rows = rows,
            QuarantinedRows = quarantined,
            Seconds = sw.Elapsed.TotalSeconds,
            Details = details,
            Warnings = warnings,
        };
        RunLedger.Write(layout, request.RunId, Name, report);
        return report;
    }

    /// <summary>Normalizes one source into the lake; null when a backfill's years hold no rows (the lake is left as it was).</summary>
    static async Task<NormalizeState?> NormalizeSourceAsync(RunRequest request, ISourceConnector connector, SourceDefinition source,
        PipelineDefinitions definitions, IReadOnlyList<ManifestEntry> files, string fingerprint, NormalizeState? previous,
        CancellationToken ct)
    {
        var layout = request.Layout;
        var extractId = ExtractId(files);
        var staging = Path.Combine(layout.RunStaging(request.RunId), "normalize", source.Id);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        var stagedLake = Path.Combine(staging, "normalized");
        var stagedQuarantine = Path.Combine(staging, "quarantine");

        var sw = Stopwatch.StartNew();
        Log.Information("{Source}: normalizing {Files}", source.Id, string.Join(", ", files.Select(f => f.Path)));
        // A backfill replaces single years; a connector whose tables are not all by year normalizes everything.
        var years = request.YearRange is not null && connector.Tables.All(t => t.ByYear) ? request.YearRange : null;
        if (request.YearRange is not null && years is null)
            Log.Warning("{Source}: its tables are not partitioned by year; normalizing all years", source.Id);
        var context = new NormalizeContext(source,
            files.Select(f => new SourceFile(f.Role, Path.Combine(layout.DataDir, f.Path), f.Path)).ToList(),
            extractId, stagedLake, stagedQuarantine, years, definitions);
        NormalizeResult result;
        try
        {
            result = await connector.NormalizeAsync(context, ct);
        }
        catch (PipelineException e) when (e is not TransientPipelineException && WhereConfigured(e, files) is { } configured)
        {
            // Name the file as the user configured it first; the raw store's copy second.
            throw new PipelineException(e.Stage, e.What, e.Hint, e.Source, configured, e.Line, e.Column, e);
        }
        var seconds = sw.Elapsed.TotalSeconds;
        Log.Information("{Source}: {Rows:N0} rows normalized ({RowsPerSecond:N0} rows/s), {Quarantined:N0} quarantined, years {Years}",
            source.Id, result.Rows, result.Rows / Math.Max(seconds, 1e-6), result.Quarantined, result.Years);
        if (result.Quarantined > 0)
            Log.Warning("{Source}: {Quarantined:N0} row(s) quarantined; see {Folder} or staging.stg_quarantine",
                source.Id, result.Quarantined, LakePaths.SourceFolder(layout.QuarantineDir, source.Id));

        if (years is not null && result.Rows == 0 && result.Quarantined == 0)
        {
            // A backfill of years the source does not hold: replacing them would delete partitions for nothing.
            Directory.Delete(staging, recursive: true);
            return null;
        }
        FaultPoints.Reach("normalize:staged");
        var parking = Path.Combine(layout.RunStaging(request.RunId), "normalize-previous", source.Id);
        var swap = new LakeSwap(layout, source.Id, stagedLake, stagedQuarantine, parking);
        NormalizeState state;
        if (years is { } range)
        {
            // Backfill: replace the partitions of the range's years, keep the others.
            swap.ReplaceYears(connector.Tables, range, request.RunId);
            // A later regular run normalizes the whole source unless it was complete before and its content is the same.
            state = new NormalizeState(source.Id, previous?.Fingerprint == fingerprint ? fingerprint : $"backfill:{request.RunId}",
                extractId, result.Rows, result.Quarantined,
                (previous?.Years ?? []).Concat(result.Years).Distinct().Order().ToList(), DateTimeOffset.UtcNow, request.RunId,
                result.DuplicatesDropped);
            Log.Information("{Source}: backfilled years {First}-{Last} ({Outside:N0} rows of other years left as they were)",
                source.Id, range.First, range.Last, result.OutsideYears);
        }
        else
        {
            swap.ReplaceAll(connector.Tables);
            state = new NormalizeState(source.Id, fingerprint, extractId, result.Rows, result.Quarantined, result.Years,
                DateTimeOffset.UtcNow, request.RunId, result.DuplicatesDropped);
        }
        Directory.Delete(staging, recursive: true);
        FaultPoints.Reach("normalize:swapped");

        state.Write(layout);
        return state;
    }

    /// <summary>"&lt;location&gt; (stored as raw/…)" for an error naming a pulled file whose location differs from its raw path.</summary>
    static string? WhereConfigured(PipelineException e, IReadOnlyList<ManifestEntry> files)
    {
        if (e.FilePath is null) return null;
        var file = files.FirstOrDefault(f => e.FilePath.StartsWith(f.Path, StringComparison.Ordinal));
        return file is null || file.Location == file.Path ? null : $"{file.Location}{e.FilePath[file.Path.Length..]} (stored as {e.FilePath})";
    }

    /// <summary>The extract id written on every row (<see cref="RawExtracts.IdOf"/>).</summary>
    public static string ExtractId(IReadOnlyList<ManifestEntry> files) =>
        RawExtracts.IdOf(files)
        ?? throw new PipelineException(Name, "no data file was pulled", "Rerun the whole pipeline.", files.FirstOrDefault()?.Source);

    /// <summary>Normalized data of sources no longer defined would still feed the marts: remove it, and their states.</summary>
    static void PruneRemovedSources(DataLayout layout, PipelineDefinitions definitions)
    {
        var defined = definitions.Sources.Select(s => s.Id).ToHashSet();
        LakeSwap.PruneSources(layout, SourceConnectors.Tables, defined, dir => Log.Warning("Removing {Dir}: its source is no longer defined", dir));
        NormalizeState.Prune(layout, defined);
    }
}
