namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>
/// Column names of every Comtrade layout (Comtrade+ v1 CSV and API JSON, legacy CSV and re-saved copies of it,
/// legacy API JSON), compared after <see cref="Normalize"/>: lower case, letters and digits only, so
/// <c>Trade Value (US$)</c> and <c>Trade_Value__US__</c> are the same column.
/// </summary>
public static class ComtradeFields
{
    public static readonly IReadOnlyDictionary<ComtradeField, string[]> Aliases = new Dictionary<ComtradeField, string[]>
    {
        [ComtradeField.Year] = ["refyear", "year", "yr"],
        [ComtradeField.Period] = ["period"],
        [ComtradeField.FreqCode] = ["freqcode"],
        [ComtradeField.Month] = ["refmonth"],
        [ComtradeField.Flow] = ["flowcode", "tradeflowcode", "rgcode"],
        [ComtradeField.ReporterCode] = ["reportercode", "rtcode"],
        [ComtradeField.ReporterIso] = ["reporteriso", "rt3iso"],
        [ComtradeField.PartnerCode] = ["partnercode", "ptcode"],
        [ComtradeField.PartnerIso] = ["partneriso", "pt3iso"],
        [ComtradeField.Partner2Code] = ["partner2code", "2ndpartnercode", "pt2code"],
        [ComtradeField.CustomsCode] = ["customscode", "customsproccode"],
        [ComtradeField.MotCode] = ["motcode", "modeoftransportcode"],
        [ComtradeField.Classification] = ["classificationcode", "classification", "pfcode"],
        [ComtradeField.CommodityCode] = ["cmdcode", "commoditycode"],
        [ComtradeField.AggregateLevel] = ["aggrlevel", "aggregatelevel"],
        [ComtradeField.QtyUnitCode] = ["qtyunitcode", "qtcode"],
        [ComtradeField.QtyUnit] = ["qtyunitabbr", "qtyunit", "qtdesc"],
        [ComtradeField.Qty] = ["qty", "tradequantity"],
        [ComtradeField.NetWeight] = ["netwgt", "netweightkg", "netweight"],
        [ComtradeField.IsNetWeightEstimated] = ["isnetwgtestimated"],
        [ComtradeField.IsQtyEstimated] = ["isqtyestimated"],
        [ComtradeField.Value] = ["primaryvalue", "tradevalueus", "tradevalue"],
        [ComtradeField.CifValue] = ["cifvalue", "ciftradevalueus"],
        [ComtradeField.FobValue] = ["fobvalue", "fobtradevalueus"],
        [ComtradeField.Flag] = ["legacyestimationflag", "flag", "estcode"],
    };

    /// <summary>Fields a file must have to be read as Comtrade.</summary>
    public static readonly ComtradeField[] Required =
    [
        ComtradeField.Year, ComtradeField.Flow, ComtradeField.ReporterCode, ComtradeField.PartnerCode,
        ComtradeField.Classification, ComtradeField.CommodityCode, ComtradeField.Value,
    ];

    public static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var ch in name)
            if (char.IsAsciiLetterOrDigit(ch) && n < buffer.Length) buffer[n++] = char.ToLowerInvariant(ch);
        return new string(buffer[..n]);
    }

    /// <summary>Index of each field in a header (-1 when absent); null plus the missing fields when required ones are absent.</summary>
    public static (int[]? Index, IReadOnlyList<string> Missing) Map(IReadOnlyList<string> header)
    {
        var normalized = header.Select(Normalize).ToList();
        var index = new int[Enum.GetValues<ComtradeField>().Length];
        foreach (var (field, aliases) in Aliases)
            index[(int)field] = aliases.Select(a => normalized.IndexOf(a)).FirstOrDefault(i => i >= 0, -1);
        var missing = Required.Where(f => index[(int)f] < 0).Select(f => Aliases[f][0]).ToList();
        return (missing.Count == 0 ? index : null, missing);
    }
}
