using System.Diagnostics;
using System.Text.Json;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Reference;
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
        var definitions = PipelineDefinitions.Load(request.PipelinesDir, SourceConnectors.Kinds);
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
            var fingerprint = new Fingerprint().Add("normalizer", connector.Version).Add("kind", source.Kind)
                .Add("options", source.Options is null ? "" : JsonSerializer.Serialize(source.Options, source.Options.GetType()))
                .Add("max_quarantine_share", source.MaxQuarantineShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Add("max_quarantine_year_share", source.MaxQuarantineYearShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Add("max_quarantine_value_share", source.MaxQuarantineValueShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var f in files) fingerprint.Add(f.Role, f.Sha256);
            foreach (var name in connector.ReferenceFiles)
                if (Path.Combine(definitions.Directory, "reference", name) is var file && File.Exists(file))
                    fingerprint.AddFile("reference:" + name, file);
            var statePath = layout.NormalizeStateFile(source.Id);
            var previous = File.Exists(statePath)
                ? JsonSerializer.Deserialize<NormalizeState>(File.ReadAllText(statePath), StageReport.Json)
                : null;
            var outputs = connector.Tables.Select(t => Path.Combine(layout.NormalizedDir, t.Name, $"source={source.Id}"));
            if (!request.Force && request.YearRange is null && previous?.Fingerprint == fingerprint.Value && outputs.All(Directory.Exists))
            {
                Log.Information("{Source}: unchanged since run {Run}, not normalized again", source.Id, previous.RunId);
                details.Add($"{source.Id}: unchanged, skipped ({previous.Rows:N0} rows from run {previous.RunId})");
                continue;
            }

            var state = await NormalizeSourceAsync(request, connector, source, definitions, files, fingerprint.Value, previous, ct);
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
            Log.Warning("{Source}: {Quarantined:N0} row(s) quarantined; see lake/quarantine/source={Source}/ or staging.stg_quarantine",
                source.Id, result.Quarantined, source.Id);

        if (years is not null && result.Rows == 0 && result.Quarantined == 0)
        {
            // A backfill of years the source does not hold: replacing them would delete partitions for nothing.
            Directory.Delete(staging, recursive: true);
            return null;
        }
        FaultPoints.Reach("normalize:staged");
        var parking = Path.Combine(layout.RunStaging(request.RunId), "normalize-previous", source.Id);
        var quarantine = Path.Combine(layout.QuarantineDir, $"source={source.Id}");
        NormalizeState state;
        if (years is { } range)
        {
            // Backfill: replace the partitions of the range's years, keep the others.
            foreach (var table in connector.Tables)
            {
                var staged = Path.Combine(stagedLake, table.Name, $"source={source.Id}");
                var target = Path.Combine(layout.NormalizedDir, table.Name, $"source={source.Id}");
                Directory.CreateDirectory(target);
                for (var year = range.First; year <= range.Last; year++)
                {
                    var targetYear = Path.Combine(target, $"year={year}");
                    var stagedYear = Path.Combine(staged, $"year={year}");
                    if (Directory.Exists(stagedYear)) AtomicDirectory.Replace(stagedYear, targetYear, parking + $"-{table.Name}-{year}");
                    else if (Directory.Exists(targetYear)) Directory.Delete(targetYear, recursive: true);
                }
            }
            Directory.CreateDirectory(quarantine);
            File.Move(Path.Combine(stagedQuarantine, $"source={source.Id}", "quarantine.parquet"),
                Path.Combine(quarantine, $"quarantine-backfill-{request.RunId}.parquet"), overwrite: true);
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
            foreach (var table in connector.Tables)
            {
                var staged = Path.Combine(stagedLake, table.Name, $"source={source.Id}");
                // A table the extract has no rows for is still replaced, by an empty folder: old rows must not survive.
                Directory.CreateDirectory(staged);
                AtomicDirectory.Replace(staged, Path.Combine(layout.NormalizedDir, table.Name, $"source={source.Id}"),
                    parking + "-" + table.Name);
            }
            AtomicDirectory.Replace(Path.Combine(stagedQuarantine, $"source={source.Id}"), quarantine, parking + "-quarantine");
            state = new NormalizeState(source.Id, fingerprint, extractId, result.Rows, result.Quarantined, result.Years,
                DateTimeOffset.UtcNow, request.RunId, result.DuplicatesDropped);
        }
        Directory.Delete(staging, recursive: true);
        FaultPoints.Reach("normalize:swapped");

        AtomicFile.WriteAllText(layout.NormalizeStateFile(source.Id), JsonSerializer.Serialize(state, StageReport.Json));
        return state;
    }

    /// <summary>"&lt;location&gt; (stored as raw/…)" for an error naming a pulled file whose location differs from its raw path.</summary>
    static string? WhereConfigured(PipelineException e, IReadOnlyList<ManifestEntry> files)
    {
        if (e.FilePath is null) return null;
        var file = files.FirstOrDefault(f => e.FilePath.StartsWith(f.Path, StringComparison.Ordinal));
        return file is null || file.Location == file.Path ? null : $"{file.Location}{e.FilePath[file.Path.Length..]} (stored as {e.FilePath})";
    }

    /// <summary>
    /// The extract id written on every row: the first 16 hex digits of the data file's SHA-256, or, for a source
    /// pulled as several data files (a folder, API pages: roles <c>data:…</c>), of the SHA-256 of their hashes.
    /// </summary>
    public static string ExtractId(IReadOnlyList<ManifestEntry> files)
    {
        var data = files.Where(f => f.Role == "data" || f.Role.StartsWith("data:", StringComparison.Ordinal))
            .OrderBy(f => f.Role, StringComparer.Ordinal).ToList();
        if (data.Count == 0)
            throw new PipelineException(Name, "no data file was pulled", "Rerun the whole pipeline.", files.FirstOrDefault()?.Source);
        if (data.Count == 1) return data[0].Sha256[..16];
        var joined = string.Join("\n", data.Select(f => f.Role + " " + f.Sha256));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>Normalized data of sources no longer defined would still feed the marts: remove it.</summary>
    static void PruneRemovedSources(DataLayout layout, PipelineDefinitions definitions)
    {
        var known = definitions.Sources.Select(s => $"source={s.Id}").ToHashSet();
        foreach (var root in SourceConnectors.Tables.Select(t => Path.Combine(layout.NormalizedDir, t.Name)).Append(layout.QuarantineDir))
        {
            if (!Directory.Exists(root)) continue;
            foreach (var dir in Directory.GetDirectories(root).Where(d => !known.Contains(Path.GetFileName(d))))
            {
                Log.Warning("Removing {Dir}: its source is no longer defined", dir);
                Directory.Delete(dir, recursive: true);
            }
        }
        var stateDir = Path.GetDirectoryName(layout.NormalizeStateFile("x"))!;
        if (Directory.Exists(stateDir))
            foreach (var f in Directory.GetFiles(stateDir, "*.json")
                         .Where(f => !known.Contains("source=" + Path.GetFileNameWithoutExtension(f))))
                File.Delete(f);
    }
}
