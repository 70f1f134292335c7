namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// Where everything lands under the data directory. One place, so every stage and the docs agree:
/// <c>raw/</c> immutable pulled files, <c>lake/</c> Parquet (normalized, quarantine), <c>published/&lt;run&gt;/</c> each
/// published build (warehouse file and marts), <c>current</c> the link to the build readers see,
/// <c>runs/</c> the per-run ledger, <c>state/</c> what was last done, <c>logs/</c>.
/// </summary>
/// <remarks>
/// Readers keep their paths: <c>warehouse/</c> is a link to <c>current</c>, and <c>lake/marts</c> a link to
/// <c>current/marts</c>, so switching <c>current</c> switches the warehouse and the marts together, in one step.
/// </remarks>
public sealed class DataLayout(string dataDir)
{
    public string DataDir { get; } = Path.GetFullPath(dataDir);
    public string RawDir => Path.Combine(DataDir, "raw");
    public string RawManifest => Path.Combine(RawDir, "manifest.jsonl");
    public string LakeDir => Path.Combine(DataDir, "lake");
    public string NormalizedDir => Path.Combine(LakeDir, "normalized");
    public string QuarantineDir => Path.Combine(LakeDir, "quarantine");
    /// <summary>The published marts as Parquet: a link to <c>current/marts</c>.</summary>
    public string MartsDir => Path.Combine(LakeDir, "marts");
    /// <summary>Work in progress of a run; never read by users. Moved into place only when complete.</summary>
    public string StagingDir => Path.Combine(DataDir, ".staging");
    /// <summary>Every published build, one folder each (<c>published/&lt;run&gt;/</c>), the last few kept.</summary>
    public string PublishedDir => Path.Combine(DataDir, "published");
    /// <summary>The link to the published build readers see.</summary>
    public string CurrentLink => Path.Combine(DataDir, "current");
    /// <summary>A link to <c>current</c>: <c>warehouse/clusters.duckdb</c> is the published warehouse.</summary>
    public string WarehouseDir => Path.Combine(DataDir, "warehouse");
    public string WarehouseFile => Path.Combine(WarehouseDir, WarehouseFileName);
    /// <summary>The published site (index, a page per cluster, catalogue): a link to <c>current/site</c>.</summary>
    public string SiteDir => Path.Combine(DataDir, SiteFolderName);
    public string RunsDir => Path.Combine(DataDir, "runs");
    public string StateDir => Path.Combine(DataDir, "state");
    public string LogsDir => Path.Combine(DataDir, "logs");

    public const string WarehouseFileName = "clusters.duckdb";
    public const string MartsFolderName = "marts";
    public const string BuildInfoFileName = "build.json";
    public const string SiteFolderName = "site";

    public string RawSourceDir(string sourceId) => Path.Combine(RawDir, sourceId);
    public string RunDir(string runId) => Path.Combine(RunsDir, runId);
    public string RunStaging(string runId) => Path.Combine(StagingDir, runId);
    public string BuildFile(string runId) => Path.Combine(RunStaging(runId), WarehouseFileName);
    public string PublishedBuildDir(string runId) => Path.Combine(PublishedDir, runId);
    public string NormalizeStateFile(string sourceId) => Path.Combine(StateDir, "normalized", sourceId + ".json");
}
