using ClusterEtl.Transforms.Normalize.Baci;
using ClusterEtl.Transforms.Normalize.Inegi;
using ClusterEtl.Transforms.Normalize.Faostat;

namespace ClusterEtl.Transforms.Normalize;

/// <summary>Every connector the pipeline knows, by source kind.</summary>
public static class SourceConnectors
{
    public static readonly IReadOnlyList<ISourceConnector> All =
    [
        new BaciConnector(),
        new Comtrade.ComtradeConnector(),
        new DenueConnector(), new InegiCensusConnector(), new InegiBieConnector(),
        new FaostatConnector(),
        new Table.TableConnector(),
    ];

    public static IReadOnlyList<string> Kinds => All.Select(c => c.Kind).ToList();

    public static ISourceConnector For(string kind) =>
        All.FirstOrDefault(c => c.Kind == kind) ?? throw new KeyNotFoundException($"no connector for kind '{kind}'");

    /// <summary>Every lake table any connector writes (tables shared by connectors, like trade_flows, once).</summary>
    public static IReadOnlyList<NormalizedTable> Tables =>
        All.SelectMany(c => c.Tables).GroupBy(t => t.Name).Select(g => g.First()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
}
