using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Normalize;
using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// Builds a warehouse from hand-made trade flows: the bundled definitions (or a subset of clusters plus extra
/// cluster files), the flows written to the lake as a connector would, and the project's SQL.
/// </summary>
public sealed class TradeWarehouse(TempDir dir)
{
    readonly Dictionary<(string Source, string Kind), List<TradeFlow>> _flows = new();

    public string Pipelines { get; } = CopyPipelines(dir);
    public DataLayout Layout { get; } = new(dir.Combine("data"));
    public string File => dir.Combine("build", "clusters.duckdb");

    static string CopyPipelines(TempDir dir)
    {
        var p = dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, p);
        return p;
    }

    /// <summary>Keeps only these bundled clusters (others would only add rows to the marts).</summary>
    public TradeWarehouse KeepClusters(params string[] ids)
    {
        foreach (var f in Directory.GetFiles(Path.Combine(Pipelines, "clusters"), "*.json"))
            if (!ids.Contains(Path.GetFileNameWithoutExtension(f))) System.IO.File.Delete(f);
        return this;
    }

    public TradeWarehouse AddCluster(string id, string json)
    {
        System.IO.File.WriteAllText(Path.Combine(Pipelines, "clusters", id + ".json"), json);
        return this;
    }

    public TradeWarehouse Settings(string json)
    {
        System.IO.File.WriteAllText(WarehouseSettings.PathIn(Pipelines), json);
        return this;
    }

    /// <summary>A flow as a connector writes it (annual, HS6 unless the code is TOTAL).</summary>
    public TradeWarehouse Flow(string source, string kind, string vintage, int year, string flow, string reporter, string partner,
        string product, double valueUsd, double? kg = null)
    {
        var key = (source, kind);
        if (!_flows.TryGetValue(key, out var list)) _flows[key] = list = [];
        list.Add(new TradeFlow
        {
            Year = year, HsVintage = vintage, Flow = flow, ReporterCode = reporter, ReporterIso3 = reporter,
            PartnerCode = partner, PartnerIso3 = partner, ProductCode = product, ProductLevel = product == "TOTAL" ? 0 : product.Length,
            ValueUsd = valueUsd, Valuation = flow is "M" or "RM" ? "CIF" : "FOB", QuantityKg = kg,
        });
        return this;
    }

    public async Task<string> BuildAsync()
    {
        foreach (var ((source, kind), rows) in _flows)
        {
            await using (var w = new TradeFlowsWriter(Layout.NormalizedDir, source, kind, "hand"))
                foreach (var r in rows) await w.WriteAsync(r, CancellationToken.None);
            await new QuarantineWriter(source, "hand").WriteAsync(Layout.QuarantineDir, CancellationToken.None);
        }
        new WarehouseBuilder().Build(File, SqlProject.Load(Repo.Sql), PipelineDefinitions.Load(Pipelines), Layout, "test-run", "fp");
        return File;
    }
}
