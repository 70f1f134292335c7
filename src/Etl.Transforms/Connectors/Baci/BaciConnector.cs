using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>Source kind <c>baci</c>: a CEPII BACI release into <c>trade_flows</c>.</summary>
public sealed class BaciConnector : ISourceConnector
{
    public string Kind => "baci";
    public string Version => BaciNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [TradeFlowsWriter.Table];

    public object? ReadOptions(JsonFields? o, string pipelinesDir)
    {
        o?.RejectUnknown("country_codes", "hs_vintage");
        var cc = o?.OptionalString("country_codes");
        var vintage = o?.OptionalString("hs_vintage")?.ToUpperInvariant();
        if (vintage is not null && !HsVintages.All.Contains(vintage))
            throw o!.Error("hs_vintage", $"'{vintage}' is not an HS vintage (one of {string.Join(", ", HsVintages.All)})");
        return new BaciOptions(cc is null ? null : PipelineDefinitions.ResolveLocation(o!, "country_codes", cc, pipelinesDir), vintage);
    }

    public async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, CancellationToken ct)
    {
        var files = new List<ManifestEntry> { await c.Puller.PullAsync(c.Layout, c.Source, "data", c.Source.Location, c.RunId, ct) };
        if ((c.Source.Options as BaciOptions)?.CountryCodes is { } cc)
            files.Add(await c.Puller.PullAsync(c.Layout, c.Source, "country_codes", cc, c.RunId, ct));
        return files;
    }

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext c, CancellationToken ct) =>
        new BaciNormalizer().NormalizeAsync(c.Source, c.Data.Path, c.Data.Display, c.File("country_codes")?.Path, c.ExtractId,
            c.OutputRoot, c.QuarantineRoot, ct, c.Years);
}
