using System.Diagnostics;
using System.Text.Json;
using ClusterEtl.Transforms.Kernel;
using Serilog;

namespace ClusterEtl.Transforms.Stages;

/// <summary>What was last normalized for a source (<c>state/normalized/&lt;source&gt;.json</c>).</summary>
public sealed record NormalizeState(string Source, string Fingerprint, string ExtractId, long Rows, long Quarantined,
    IReadOnlyList<int> Years, DateTimeOffset NormalizedAt, string RunId, long DuplicatesDropped = 0);
