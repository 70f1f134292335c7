using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Transforms.Stages;

/// <summary>The build a run made, handed from transform to publish (<c>runs/&lt;run&gt;/build.json</c>).</summary>
/// <param name="Mode">full or incremental.</param>
/// <param name="PreviousRunId">The published build an incremental build started from.</param>
public sealed record BuildInfo(string RunId, string Fingerprint, bool UpToDate, IReadOnlyList<ModelResult> Models,
    string? Mode = null, string? PreviousRunId = null);
