using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using Serilog;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>
/// Source kind <c>comtrade</c>: UN Comtrade into <c>trade_flows</c>, from a file, a folder of files (every *.csv and
/// *.json in it), a URL, or the API (<c>options.api</c>; <c>location</c> is then the API's base URL, e.g.
/// https://comtradeapi.un.org/data/v1/get).
/// </summary>
public sealed class ComtradeConnector : ISourceConnector
{
    static readonly ILogger Log = Serilog.Log.ForContext<ComtradeConnector>();
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    public string Kind => "comtrade";
    public string Version => ComtradeNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [TradeFlowsWriter.Table];
    public IReadOnlyList<string> ReferenceFiles { get; } = [CountryReference.FileName];

    public object? ReadOptions(JsonFields? options, string pipelinesDir)
    {
        options?.RejectUnknown("api");
        return new ComtradeOptions(options?.Object("api", required: false) is { } api ? ComtradeApiRequest.Read(api) : null);
    }

    public async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, CancellationToken ct)
    {
        var source = c.Source;
        if ((source.Options as ComtradeOptions)?.Api is { } api)
        {
            if (!source.IsRemote)
                throw new PipelineException("pull", "options.api needs an http(s) location: the API's base URL",
                    $"Set 'location' in {source.DefinitionFile} to https://comtradeapi.un.org/data/v1/get.", source.Id);
            var key = Environment.GetEnvironmentVariable(api.KeyEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(key))
                throw new PipelineException("pull", $"the environment variable {api.KeyEnvironmentVariable} is not set",
                    $"Set {api.KeyEnvironmentVariable} to your UN Comtrade subscription key (comtradedeveloper.un.org), or change " +
                    $"options.api.key_env in {source.DefinitionFile}.", source.Id);
            var urls = api.Urls(source.Location);
            var files = new List<ManifestEntry>();
            for (var i = 0; i < urls.Count; i++)
            {
                Log.Information("{Source}: API request {Request} of {Requests}", source.Id, i + 1, urls.Count);
                files.Add(await c.Puller.PullAsync(c.Layout, source, $"data:{i + 1:D4}", urls[i], c.RunId, ct,
                    new SourcePuller.Request(Headers: new Dictionary<string, string> { [KeyHeader] = key },
                        FileName: $"comtrade-{i + 1:D4}.json")));
            }
            return files;
        }
        if (Directory.Exists(source.Location)) return await FolderPull.PullAsync(c, ["*.csv", "*.json"], ct);
        return [await c.Puller.PullAsync(c.Layout, source, "data", source.Location, c.RunId, ct)];
    }

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new ComtradeNormalizer().NormalizeAsync(context, ct);
}
