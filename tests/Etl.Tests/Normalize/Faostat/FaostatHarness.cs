using System.Globalization;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Faostat;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize.Faostat;

/// <summary>Runs the FAOSTAT normalizer on files with the bundled reference data and queries what it wrote.</summary>
public sealed class FaostatHarness : IDisposable
{
    static readonly Lazy<PipelineDefinitions> Definitions = new(() => PipelineDefinitions.Load(Repo.Pipelines, SourceConnectors.Kinds));
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public TempDir Dir => _dir;
    public string Out => _dir.Combine("out");
    public string QuarantineRoot => _dir.Combine("quarantine");

    public static SourceDefinition Source(string location, double maxQuarantine = 0.01) =>
        new("fao_test", "faostat", location, "pipelines/sources/fao_test.json", FetchOptions.Default, maxQuarantine, new FaostatOptions(null));

    /// <summary>Normalizes <paramref name="paths"/> (shown as raw/fao_test/&lt;name&gt;) into a fresh output folder.</summary>
    public Task<FaostatResult> Normalize(string path, double maxQuarantine = 0.01, string? domain = null, string? output = null) =>
        NormalizeAll([path], maxQuarantine, domain, output);

    public Task<FaostatResult> NormalizeAll(IReadOnlyList<string> paths, double maxQuarantine = 0.01, string? domain = null, string? output = null)
    {
        var root = output ?? Out;
        if (Directory.Exists(root)) Directory.Delete(root, true);
        return new FaostatNormalizer(FaostatConnector.ReferenceFor(Definitions.Value, "fao_test")).NormalizeAsync(
            Source(paths[0], maxQuarantine), paths.Select(p => (p, "raw/fao_test/" + Path.GetFileName(p))).ToList(), domain,
            "extract123", root, QuarantineRoot, CancellationToken.None);
    }

    string Views(string? root = null)
    {
        var r = (root ?? Out).Replace('\\', '/');
        string View(string table) =>
            Directory.Exists(Path.Combine(r, table))
                ? $"SELECT * FROM read_parquet('{r}/{table}/*/*/*.parquet', hive_partitioning = true, union_by_name = true)"
                : "SELECT NULL AS x WHERE false";
        return $"WITH obs AS ({View("fao_observations")}), tm AS ({View("fao_trade_matrix")}), " +
               $"q AS (SELECT * FROM read_parquet('{QuarantineRoot.Replace('\\', '/')}/*/quarantine.parquet')) ";
    }

    public List<object?[]> Query(string sql, string? root = null) => Duck.Query(null, Views(root) + sql);
    public object?[] Row(string sql) => Query(sql).Single();
    public object? Scalar(string sql) => Row(sql)[0];
    public List<object?> Column(string sql) => Query(sql).Select(r => r[0]).ToList();

    public static string Text(object? v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL";
}
