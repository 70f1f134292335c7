namespace ClusterEtl.Transforms.Pipeline;

/// <summary>
/// Where everything lands under the data directory. One place, so every stage and the docs agree:
/// <c>raw/</c> immutable pulled files, <c>lake/</c> Parquet (normalized, quarantine, marts),
/// <c>warehouse/clusters.duckdb</c>, <c>runs/</c> the per-run ledger, <c>state/</c> what was last done, <c>logs/</c>.
/// </summary>
public sealed class DataLayout(string dataDir)
{
    public string DataDir { get; } = Path.GetFullPath(dataDir);
    public string RawDir => Path.Combine(DataDir, "raw");
    public string RawManifest => Path.Combine(RawDir, "manifest.jsonl");
    public string LakeDir => Path.Combine(DataDir, "lake");
    public string NormalizedDir => Path.Combine(LakeDir, "normalized");
    public string QuarantineDir => Path.Combine(LakeDir, "quarantine");
    public string MartsDir => Path.Combine(LakeDir, "marts");
    /// <summary>Work in progress of a run; never read by users. Moved into place only when complete.</summary>
    public string StagingDir => Path.Combine(DataDir, ".staging");
    public string WarehouseDir => Path.Combine(DataDir, "warehouse");
    public string WarehouseFile => Path.Combine(WarehouseDir, "clusters.duckdb");
    public string RunsDir => Path.Combine(DataDir, "runs");
    public string StateDir => Path.Combine(DataDir, "state");
    public string LogsDir => Path.Combine(DataDir, "logs");

    public string RawSourceDir(string sourceId) => Path.Combine(RawDir, sourceId);
    public string RunDir(string runId) => Path.Combine(RunsDir, runId);
    public string RunStaging(string runId) => Path.Combine(StagingDir, runId);
    public string BuildFile(string runId) => Path.Combine(RunStaging(runId), "clusters.duckdb");
    public string NormalizeStateFile(string sourceId) => Path.Combine(StateDir, "normalized", sourceId + ".json");
    public string PublishedBuildState => Path.Combine(StateDir, "published-build.json");
}
