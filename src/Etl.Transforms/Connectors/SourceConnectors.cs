using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Connectors.Faostat;
using ClusterEtl.Transforms.Connectors.Inegi.Bie;
using ClusterEtl.Transforms.Connectors.Inegi.Census;
using ClusterEtl.Transforms.Connectors.Inegi.Denue;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Connectors.Comtrade;
using ClusterEtl.Transforms.Connectors.Table;

namespace ClusterEtl.Transforms.Connectors;

/// <summary>Every connector the pipeline knows, by source kind.</summary>
public static class SourceConnectors
{
    public static readonly IReadOnlyList<ISourceConnector> All =
    [
        new BaciConnector(),
        new ComtradeConnector(),
        new DenueConnector(), new InegiCensusConnector(), new InegiBieConnector(),
        new FaostatConnector(),
        new TableConnector(),
    ];

    /// <summary>The kinds, for <c>PipelineDefinitions.Load</c>.</summary>
    public static ISourceKinds Kinds { get; } = new ConnectorKinds();

    public static ISourceConnector For(string kind) =>
        All.FirstOrDefault(c => c.Kind == kind) ?? throw new KeyNotFoundException($"no connector for kind '{kind}'");

    /// <summary>Every lake table any connector writes (tables shared by connectors, like trade_flows, once).</summary>
    /// <summary>The lake's tables: <see cref="Tables"/> and the quarantine.</summary>
    public static LakeCatalog Lake => new(Tables);

    public static IReadOnlyList<NormalizedTable> Tables =>
        All.SelectMany(c => c.Tables).GroupBy(t => t.Name).Select(g => g.First()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
}
