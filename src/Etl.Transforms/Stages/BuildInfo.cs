using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Transforms.Stages;

/// <summary>The build a run made, handed from transform to publish (<c>runs/&lt;run&gt;/build.json</c>).</summary>
/// <param name="Mode">full or incremental.</param>
/// <param name="PreviousRunId">The published build an incremental build started from.</param>
/// <param name="AsOf">The sources the build read an older extract of than the newest fetched (run --as-of): source -> extract id.</param>
public sealed record BuildInfo(string RunId, string Fingerprint, bool UpToDate, IReadOnlyList<ModelResult> Models,
    string? Mode = null, string? PreviousRunId = null, IReadOnlyDictionary<string, string>? AsOf = null);
