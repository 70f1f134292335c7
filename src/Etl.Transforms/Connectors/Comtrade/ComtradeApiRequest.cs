using System.Globalization;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>
/// A UN Comtrade API (v1) query: what to ask for, how to split it into requests within the API's limits, and the
/// environment variable holding the subscription key (sent as a header, never logged or stored).
/// </summary>
/// <param name="Reporters">Comtrade reporter codes (152 Chile, 842 USA …).</param>
/// <param name="Partners">Partner codes; empty for all partners, 0 for World only.</param>
/// <param name="Flows">X, M, RX, RM.</param>
/// <param name="Products">HS codes (2, 4 or 6 digits) or TOTAL.</param>
/// <param name="Classification">HS (as reported), or H0 … H6 for one vintage.</param>
/// <param name="YearsPerRequest">At most 12: the API takes 12 periods per request.</param>
/// <param name="MaxRecords">Records asked for per request; a response that reaches it is treated as cut off.</param>
public sealed record ComtradeApiRequest(
    IReadOnlyList<int> Reporters,
    IReadOnlyList<int> Partners,
    IReadOnlyList<string> Flows,
    IReadOnlyList<string> Products,
    IReadOnlyList<int> Years,
    string Frequency,
    string Classification,
    string KeyEnvironmentVariable,
    int MaxRecords,
    int YearsPerRequest,
    int ProductsPerRequest)
{
    public static readonly string[] Classifications = ["HS", "H0", "H1", "H2", "H3", "H4", "H5", "H6"];

    /// <summary>The request URLs, one per chunk of years and products, in a stable order.</summary>
    public IReadOnlyList<string> Urls(string baseUrl)
    {
        var urls = new List<string>();
        foreach (var years in Years.Order().Chunk(YearsPerRequest))
        foreach (var products in Products.Chunk(ProductsPerRequest))
        {
            var query = new List<string>
            {
                "reporterCode=" + Join(Reporters),
                "period=" + string.Join(",", years.Select(y => y.ToString(CultureInfo.InvariantCulture))),
            };
            if (Partners.Count > 0) query.Add("partnerCode=" + Join(Partners));
            query.Add("cmdCode=" + string.Join(",", products));
            query.Add("flowCode=" + string.Join(",", Flows));
            query.Add("partner2Code=0");
            query.Add("customsCode=C00");
            query.Add("motCode=0");
            query.Add("maxRecords=" + MaxRecords.ToString(CultureInfo.InvariantCulture));
            query.Add("format=JSON");
            query.Add("includeDesc=true");
            urls.Add($"{baseUrl.TrimEnd('/')}/C/{Frequency}/{Classification}?{string.Join("&", query)}");
        }
        return urls;
    }

    static string Join(IEnumerable<int> codes) => string.Join(",", codes.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public static ComtradeApiRequest Read(JsonFields a)
    {
        a.RejectUnknown("reporters", "partners", "flows", "products", "years", "frequency", "classification", "key_env",
            "max_records", "years_per_request", "products_per_request");
        var reporters = Codes(a, "reporters", required: true);
        var partners = Codes(a, "partners", required: false);
        var flows = a.StringList("flows", required: false);
        for (var i = 0; i < flows.Count; i++)
            if (flows[i] is not ("X" or "M" or "RX" or "RM")) throw a.Error($"flows[{i}]", $"'{flows[i]}' is not a flow (X, M, RX, RM)");
        var products = a.StringList("products", required: true);
        for (var i = 0; i < products.Count; i++)
            if (!(products[i] == "TOTAL" || products[i].Length is 2 or 4 or 6 && products[i].All(char.IsAsciiDigit)))
                throw a.Error($"products[{i}]", $"'{products[i]}' is not an HS code of 2, 4 or 6 digits or TOTAL");
        var years = new List<int>();
        var yearTexts = a.StringOrNumberList("years");
        for (var i = 0; i < yearTexts.Count; i++)
        {
            if (!int.TryParse(yearTexts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1962 or > 2100)
                throw a.Error($"years[{i}]", $"'{yearTexts[i]}' is not a year");
            years.Add(y);
        }
        if (years.Count == 0) throw a.Error("years", "must list at least one year");
        var frequency = a.OptionalString("frequency") ?? "A";
        if (frequency is not ("A" or "M")) throw a.Error("frequency", $"'{frequency}' is not A (annual) or M (monthly)");
        var classification = a.OptionalString("classification") ?? "HS";
        if (!Classifications.Contains(classification))
            throw a.Error("classification", $"'{classification}' is not one of {string.Join(", ", Classifications)}");
        var key = a.OptionalString("key_env") ?? "COMTRADE_API_KEY";
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw a.Error("key_env", "must be the NAME of an environment variable (letters, digits, _), never the key itself");
        return new ComtradeApiRequest(reporters, partners, flows.Count == 0 ? ["X", "M"] : flows, products, years.Distinct().ToList(),
            frequency, classification, key,
            (int)(a.OptionalNumber("max_records", 1, 250_000) ?? 250_000),
            (int)(a.OptionalNumber("years_per_request", 1, 12) ?? 12),
            (int)(a.OptionalNumber("products_per_request", 1, 200) ?? 50));
    }

    static List<int> Codes(JsonFields a, string name, bool required)
    {
        var texts = a.StringOrNumberList(name);
        if (required && texts.Count == 0) throw a.Error(name, "must list at least one Comtrade country code (e.g. 152 for Chile)");
        var codes = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!int.TryParse(texts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c > 999)
                throw a.Error($"{name}[{i}]", $"'{texts[i]}' is not a Comtrade country code (a number such as 152 for Chile, 0 for World)");
            codes.Add(c);
        }
        return codes;
    }
}
