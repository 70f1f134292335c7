using System.Text.Json;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>The per-run ledger: one JSON file per stage under <c>runs/&lt;run&gt;/</c>, written atomically.</summary>
public static class RunLedger
{
    public static void Write<T>(DataLayout layout, string runId, string name, T value)
    {
        var dir = layout.RunDir(runId);
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(value, StageReport.Json));
    }

    public static T? Read<T>(DataLayout layout, string runId, string name)
    {
        var path = Path.Combine(layout.RunDir(runId), name + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), StageReport.Json) : default;
    }
}
