using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Pipeline;

/// <summary>What one stage of a run did, written to <c>runs/&lt;run&gt;/&lt;stage&gt;.json</c> and shown by the CLI.</summary>
public sealed record StageReport
{
    public required string Stage { get; init; }
    /// <summary>"succeeded", "skipped" (nothing changed) or "failed".</summary>
    public required string Status { get; init; }
    public long Rows { get; init; }
    /// <summary>What <see cref="Rows"/> counts: "rows", or "files" for the pull stage.</summary>
    public string Unit { get; init; } = "rows";
    public double Seconds { get; init; }
    public long QuarantinedRows { get; init; }
    /// <summary>The one-line reason of a failure.</summary>
    public string? Error { get; init; }
    /// <summary>One line per source or model, for the console and the run ledger.</summary>
    public List<string> Details { get; init; } = [];
    /// <summary>What the user should look at although the stage succeeded (a cluster that matches no data, a trade basis
    /// far from world coverage), one line each; shown in the run's summary.</summary>
    public List<string> Warnings { get; init; } = [];
    /// <summary>When the stage started and ended (UTC); null in ledgers written before these were recorded.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

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

/// <summary>Writes a file so that readers see either the old or the new content, never half of it.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
