using System.Text.Json;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Stages;

/// <summary>What was last normalized for a source (<c>state/normalized/&lt;source&gt;.json</c>).</summary>
public sealed record NormalizeState(string Source, string Fingerprint, string ExtractId, long Rows, long Quarantined,
    IReadOnlyList<int> Years, DateTimeOffset NormalizedAt, string RunId, long DuplicatesDropped = 0)
{
    public static NormalizeState? Read(DataLayout layout, string sourceId)
    {
        var path = layout.NormalizeStateFile(sourceId);
        return File.Exists(path) ? JsonSerializer.Deserialize<NormalizeState>(File.ReadAllText(path), StageReport.Json) : null;
    }

    public void Write(DataLayout layout) => AtomicFile.WriteAllText(layout.NormalizeStateFile(Source), JsonSerializer.Serialize(this, StageReport.Json));

    /// <summary>Removes the states of sources no longer defined.</summary>
    public static void Prune(DataLayout layout, IReadOnlySet<string> definedSources)
    {
        var stateDir = Path.GetDirectoryName(layout.NormalizeStateFile("x"))!;
        if (!Directory.Exists(stateDir)) return;
        foreach (var f in Directory.GetFiles(stateDir, "*.json").Where(f => !definedSources.Contains(Path.GetFileNameWithoutExtension(f))))
            File.Delete(f);
    }
}
