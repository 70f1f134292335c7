using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// The definitions one run works with. The first stage of a run records a fingerprint of every file that shapes the output
/// (<c>sources/</c>, <c>clusters/</c>, <c>warehouse.json</c>, <c>reference/</c>; not <c>schedule.json</c>, which only says when
/// runs start) in the run's ledger (<c>runs/&lt;run&gt;/definitions.json</c>); every later stage loads the definitions and
/// stops with a clear error when they differ, so an edit made while a run is under way never mixes two versions in one
/// build. The edit is picked up by the next run.
/// </summary>
/// <param name="Fingerprint">SHA-256 over the files' paths and contents.</param>
/// <param name="Files">The files, relative to the pipelines folder.</param>
/// <param name="Stage">The stage that took the snapshot.</param>
public sealed record DefinitionsSnapshot(string Fingerprint, IReadOnlyList<string> Files, string Stage, DateTimeOffset TakenAt)
{
    public const string LedgerName = "definitions";

    /// <summary>Loads the definitions of <paramref name="request"/>'s pipelines folder for <paramref name="stage"/>: records the
    /// run's snapshot when none is recorded yet, else checks that the folder still matches it.</summary>
    public static PipelineDefinitions Load(RunRequest request, string stage)
    {
        var before = Take(request.PipelinesDir, stage);
        var definitions = PipelineDefinitions.Load(request.PipelinesDir, SourceConnectors.Kinds);
        var after = Take(request.PipelinesDir, stage);
        if (after.Fingerprint != before.Fingerprint)
            throw new PipelineException(stage, "the definitions changed while they were being read",
                "Finish editing pipelines/, then start the run again.");
        var recorded = RunLedger.Read<DefinitionsSnapshot>(request.Layout, request.RunId, LedgerName);
        if (recorded is null)
            RunLedger.Write(request.Layout, request.RunId, LedgerName, after);
        else if (recorded.Fingerprint != after.Fingerprint)
            throw new PipelineException(stage,
                $"the definitions changed since this run started (snapshot taken by its {recorded.Stage} stage at {recorded.TakenAt:u}; " +
                $"changed: {string.Join(", ", Changed(recorded, after, request.PipelinesDir))}): going on would mix two versions in one build",
                "Start a new run: it uses the edited definitions.");
        return definitions;
    }

    /// <summary>The snapshot of a pipelines folder now.</summary>
    public static DefinitionsSnapshot Take(string pipelinesDir, string stage)
    {
        var dir = Path.GetFullPath(pipelinesDir);
        var files = new[] { "sources", "clusters", "reference" }.Select(sub => Path.Combine(dir, sub)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d)).Append(Path.Combine(dir, WarehouseSettings.FileName)).Where(File.Exists)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var hashes = files.Select(f => $"{f} {Hash(Path.Combine(dir, f))}").ToList();
        return new DefinitionsSnapshot(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", hashes)))),
            hashes, stage, DateTimeOffset.UtcNow);
    }

    static string Hash(string file)
    {
        using var s = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(s))[..16];
    }

    static IEnumerable<string> Changed(DefinitionsSnapshot recorded, DefinitionsSnapshot now, string dir)
    {
        var changed = recorded.Files.Except(now.Files).Concat(now.Files.Except(recorded.Files))
            .Select(f => f.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        return changed.Count == 0 ? ["?"] : changed.Take(5).Append(changed.Count > 5 ? $"and {changed.Count - 5} more" : "").Where(s => s.Length > 0);
    }
}
