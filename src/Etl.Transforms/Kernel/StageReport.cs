using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Kernel;

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
