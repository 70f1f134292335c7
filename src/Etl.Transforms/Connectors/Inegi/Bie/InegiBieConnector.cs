using System.Net;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>
/// Source kind <c>inegi_bie</c>: INEGI's indicators API into <c>indicator_series</c>. <c>location</c> is the API's
/// base URL (<c>…/jsonxml/INDICATOR</c>; a test can point it at http://127.0.0.1:port) or a saved JSON response
/// (the bundled sample: no token needed). For the API, one request per indicator and area:
/// <c>{location}/{id}/{language}/{area}/{latest}/{database}/2.0/{token}?type=json</c>, the token read from the
/// environment variable named by <c>token_env</c>, and shown as *** in logs and the manifest. An HTTP 400 is
/// kept as the answer: ErrorCode 100 means "no data" (a warning, no rows).
/// </summary>
public sealed partial class InegiBieConnector : ISourceConnector
{
    public const string DefaultTokenEnv = "INEGI_BIE_TOKEN";

    public string Kind => "inegi_bie";
    public string Version => BieNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [BieSeriesColumns.Table];

    public object? ReadOptions(JsonFields? o, string pipelinesDir)
    {
        if (o is null) throw new DefinitionException("(an inegi_bie source definition)", "options", "is required for kind inegi_bie: at least options.indicators");
        o.RejectUnknown("indicators", "areas", "language", "history", "database", "token_env");
        var indicators = o.StringOrNumberList("indicators");
        if (indicators.Count == 0) throw o.Error("indicators", "is required: a list of BIE indicator ids (e.g. [\"628194\"])");
        for (var i = 0; i < indicators.Count; i++)
            if (!Digits().IsMatch(indicators[i])) throw o.Error($"indicators[{i}]", $"'{indicators[i]}' is not an indicator id (digits)");
        var areas = o.StringList("areas", required: false);
        if (areas.Count == 0) areas = ["00"];
        for (var i = 0; i < areas.Count; i++)
            if (!Area().IsMatch(areas[i]))
                throw o.Error($"areas[{i}]", $"'{areas[i]}' is not an area key (00 national, 0700 a state: digits, as text)");
        var language = o.OptionalString("language") ?? "es";
        if (language is not ("es" or "en")) throw o.Error("language", $"'{language}' must be es or en");
        var history = o.OptionalString("history") ?? "all";
        if (history is not ("all" or "latest")) throw o.Error("history", $"'{history}' must be all (the whole series) or latest");
        var database = (o.OptionalString("database") ?? "BIE").ToUpperInvariant();
        if (database is not ("BIE" or "BISE")) throw o.Error("database", $"'{database}' must be BIE or BISE");
        var tokenEnv = o.OptionalString("token_env") ?? DefaultTokenEnv;
        if (!EnvName().IsMatch(tokenEnv))
            throw o.Error("token_env", "must be the NAME of an environment variable (letters, digits, _), not the token itself");
        return new BieOptions(indicators.Distinct().ToList(), areas.Distinct().ToList(), language, history == "latest", database, tokenEnv);
    }

    public async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, CancellationToken ct)
    {
        var source = c.Source;
        var options = (BieOptions)source.Options!;
        if (!source.IsRemote)
        {
            if (options.Areas.Count > 1)
                throw new PipelineException("pull", "a saved BIE response is one area, but options.areas lists several",
                    $"List one area in {source.DefinitionFile}, or point 'location' at the API.", source.Id, source.Location);
            return [await c.Puller.PullAsync(c.Layout, source, "data", source.Location, c.RunId, ct)];
        }
        var token = Environment.GetEnvironmentVariable(options.TokenEnv);
        if (string.IsNullOrWhiteSpace(token))
            throw new PipelineException("pull", $"the INEGI indicators API needs a token, and the environment variable {options.TokenEnv} is not set",
                $"Set {options.TokenEnv} to your token (free at https://www.inegi.org.mx/servicios/api_indicadores.html), " +
                "or point 'location' at a saved JSON response.", source.Id, source.Location);
        var files = new List<ManifestEntry>();
        foreach (var (indicator, area, role) in options.Requests)
        {
            var url = Url(source.Location, options, indicator, area, Uri.EscapeDataString(token.Trim()));
            var request = new SourcePuller.Request(
                ShownLocation: Url(source.Location, options, indicator, area, "***"),
                FileName: $"bie_{indicator}_{area}.json",
                AcceptStatus: status => status == HttpStatusCode.BadRequest);
            files.Add(await c.Puller.PullAsync(c.Layout, source, role, url, c.RunId, ct, request));
        }
        return files;
    }

    /// <summary>The API URL of one indicator and area, with <paramref name="token"/> in its path.</summary>
    public static string Url(string baseUrl, BieOptions o, string indicator, string area, string token) =>
        $"{baseUrl.TrimEnd('/')}/{indicator}/{o.Language}/{area}/{(o.LatestOnly ? "true" : "false")}/{o.Database}/2.0/{token}?type=json";

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new BieNormalizer().NormalizeAsync(context, ct);

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[0-9]{2,9}$")]
    private static partial Regex Area();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex EnvName();
}
