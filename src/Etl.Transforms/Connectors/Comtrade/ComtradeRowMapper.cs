using System.Globalization;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>
/// Turns one Comtrade record (any layout; values already looked up by <see cref="ComtradeField"/>, blanks and
/// <c>NA</c> as null) into a <see cref="TradeFlow"/>:
/// flows M/X/RM/RX (legacy 1/2/4/3); H0…H6 to HS92…HS22; codes re-padded to their aggregate level (files re-saved
/// by spreadsheets drop leading zeros); TOTAL kept as a product of its own (level 0); value = primaryValue
/// (CIF for imports, FOB for exports, as Comtrade publishes); quantity in kg from the net weight, null when missing
/// or an estimated zero; World (partner 0) as WLD; countries through ref.countries by Comtrade code and year.
/// Breakdowns by second partner, customs procedure or transport mode, non-HS classifications and other flows
/// (DX, FM …) are skipped and counted, not quarantined: they are valid data this table does not hold.
/// </summary>
public sealed class ComtradeRowMapper(CountryReference? countries)
{
    readonly Dictionary<(int Code, int Year), string?> _iso3 = new();
    readonly Dictionary<string, string> _strings = new();
    readonly Dictionary<string, long> _skipped = new();

    /// <summary>Records left out, by reason (e.g. "classification S4 (not HS)").</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    public ComtradeOutcome Map(Func<ComtradeField, string?> get, out TradeFlow row, out string? column, out string? reason)
    {
        row = default;
        column = null;
        reason = null;

        var yearText = get(ComtradeField.Year);
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            return Quarantine(ComtradeField.Year, $"'{yearText}' is not a year", out column, out reason);

        int? month = null;
        var period = get(ComtradeField.Period);
        var freq = get(ComtradeField.FreqCode);
        if (freq == "M" || (freq is null && period is { Length: 6 }))
        {
            if (!int.TryParse(period?[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) &&
                !int.TryParse(get(ComtradeField.Month), NumberStyles.None, CultureInfo.InvariantCulture, out m))
                return Quarantine(ComtradeField.Period, $"monthly record without a month (period '{period}')", out column, out reason);
            if (m is < 1 or > 12) return Quarantine(ComtradeField.Period, $"month {m} is not 1-12", out column, out reason);
            month = m;
        }

        var flowText = get(ComtradeField.Flow);
        var flow = flowText switch
        {
            "M" or "1" => "M",
            "X" or "2" => "X",
            "RX" or "3" => "RX",
            "RM" or "4" => "RM",
            null => null,
            _ => "",
        };
        if (flow is null) return Quarantine(ComtradeField.Flow, "no trade flow", out column, out reason);
        if (flow == "") return Skip($"flow {flowText} (only M, X, RM, RX are kept)");

        var classification = get(ComtradeField.Classification);
        if (classification is null) return Quarantine(ComtradeField.Classification, "no classification", out column, out reason);
        if (HsVintages.FromComtradeCode(classification) is not { } vintage)
            return classification is "HS"
                ? Quarantine(ComtradeField.Classification, "classification HS 'as reported' has no vintage: download H0 ... H6", out column, out reason)
                : Skip($"classification {classification} (not HS)");

        if (IsBreakdown(get(ComtradeField.Partner2Code), "0") || IsBreakdown(get(ComtradeField.CustomsCode), "C00") ||
            IsBreakdown(get(ComtradeField.MotCode), "0"))
            return Skip("breakdown by second partner, customs procedure or transport mode (totals are kept)");

        if (!Country(get, ComtradeField.ReporterCode, ComtradeField.ReporterIso, year, out var reporterCode, out var reporterIso3))
            return Quarantine(ComtradeField.ReporterCode, $"'{get(ComtradeField.ReporterCode)}' is not a Comtrade reporter code", out column, out reason);
        if (!Country(get, ComtradeField.PartnerCode, ComtradeField.PartnerIso, year, out var partnerCode, out var partnerIso3))
            return Quarantine(ComtradeField.PartnerCode, $"'{get(ComtradeField.PartnerCode)}' is not a Comtrade partner code", out column, out reason);

        var cmd = get(ComtradeField.CommodityCode);
        int level;
        if (cmd is null) return Quarantine(ComtradeField.CommodityCode, "no commodity code", out column, out reason);
        if (cmd.Equals("TOTAL", StringComparison.OrdinalIgnoreCase))
        {
            cmd = "TOTAL";
            level = 0;
        }
        else
        {
            if (!cmd.All(char.IsAsciiDigit) || cmd.Length > 6)
                return Quarantine(ComtradeField.CommodityCode, $"'{cmd}' is not an HS code or TOTAL", out column, out reason);
            var width = int.TryParse(get(ComtradeField.AggregateLevel), NumberStyles.None, CultureInfo.InvariantCulture, out var aggr) &&
                        aggr is 2 or 4 or 6 && aggr >= cmd.Length
                ? aggr
                : cmd.Length + cmd.Length % 2;
            cmd = Cached(cmd.PadLeft(width, '0'));
            level = width;
        }

        if (!TryNumber(get(ComtradeField.Value), out var value) && !TryNumber(get(flow is "M" or "RM" ? ComtradeField.CifValue : ComtradeField.FobValue), out value))
            return Quarantine(ComtradeField.Value, $"'{get(ComtradeField.Value)}' is not a trade value in USD", out column, out reason);
        if (value < 0) return Quarantine(ComtradeField.Value, $"negative trade value {value}", out column, out reason);

        var flag = get(ComtradeField.Flag);
        var netWeightEstimated = IsTrue(get(ComtradeField.IsNetWeightEstimated)) || flag is "4" or "6";
        var qtyEstimated = IsTrue(get(ComtradeField.IsQtyEstimated)) || flag is "2" or "6";
        double? kg = TryNumber(get(ComtradeField.NetWeight), out var w) && w >= 0 && !(w == 0 && netWeightEstimated) ? w : null;

        double? qty = null;
        string? unit = null;
        var unitCode = get(ComtradeField.QtyUnitCode);
        var noQuantity = unitCode is null or "-1" || (unitCode == "1" && get(ComtradeField.Qty) is null);
        if (!noQuantity && TryNumber(get(ComtradeField.Qty), out var q) && !(q == 0 && qtyEstimated))
        {
            qty = q;
            unit = get(ComtradeField.QtyUnit) is { } u ? Cached(u) : Cached("unit " + unitCode);
            if (kg is null && unitCode == "8") kg = q; // quantity unit 8 is kg
        }

        var flags = new List<string>(3);
        if (IsTrue(get(ComtradeField.IsQtyEstimated))) flags.Add("qty_estimated");
        if (IsTrue(get(ComtradeField.IsNetWeightEstimated))) flags.Add("netwgt_estimated");
        if (flag is not null and not "0") flags.Add("legacy_flag=" + flag);

        row = new TradeFlow
        {
            Year = year,
            Month = month,
            HsVintage = vintage,
            Flow = flow,
            ReporterCode = reporterCode,
            ReporterIso3 = reporterIso3,
            PartnerCode = partnerCode,
            PartnerIso3 = partnerIso3,
            ProductCode = cmd,
            ProductLevel = level,
            ValueUsd = value,
            Valuation = flow is "M" or "RM" ? "CIF" : "FOB",
            QuantityKg = kg,
            QuantityOriginal = qty,
            QuantityUnit = unit,
            Flags = flags.Count == 0 ? null : Cached(string.Join(";", flags)),
        };
        return ComtradeOutcome.Row;

        ComtradeOutcome Skip(string why)
        {
            _skipped[why] = _skipped.GetValueOrDefault(why) + 1;
            return ComtradeOutcome.Skipped;
        }
    }

    static ComtradeOutcome Quarantine(ComtradeField field, string why, out string? column, out string? reason)
    {
        column = ComtradeFields.Aliases[field][0];
        reason = why;
        return ComtradeOutcome.Quarantined;
    }

    static bool IsBreakdown(string? value, string total) => value is not null && value != total && value != "0";

    static bool IsTrue(string? s) => s is not null && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1");

    static bool TryNumber(string? s, out double v)
    {
        v = 0;
        return s is not null && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);
    }

    string Cached(string s)
    {
        if (_strings.TryGetValue(s, out var cached)) return cached;
        _strings[s] = s;
        return s;
    }

    bool Country(Func<ComtradeField, string?> get, ComtradeField codeField, ComtradeField isoField, int year, out string code, out string? iso3)
    {
        iso3 = null;
        code = "";
        if (!int.TryParse(get(codeField), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        code = Cached(number.ToString(CultureInfo.InvariantCulture));
        if (!_iso3.TryGetValue((number, year), out iso3))
        {
            iso3 = Resolve(number, year, get(isoField));
            _iso3[(number, year)] = iso3;
        }
        return true;
    }

    /// <summary>ISO3 by Comtrade code in ref.countries (the entity valid in the year first); else the file's own ISO3
    /// when it is a known one; null for groupings (Areas nes, free zones …), which then count as COMTRADE:&lt;code&gt;.</summary>
    string? Resolve(int code, int year, string? fileIso)
    {
        if (code == 0) return "WLD";
        if (countries is not null)
        {
            var matches = countries.Countries.Where(c => c.ComtradeCode == code).ToList();
            var match = matches.FirstOrDefault(c => c.ValidIn(year)) ?? matches.FirstOrDefault();
            if (match is not null) return match.Iso3;
            if (fileIso is { Length: 3 } && fileIso.All(char.IsAsciiLetterUpper) && countries.IsKnownIso3(fileIso)) return Cached(fileIso);
            return null;
        }
        return fileIso is { Length: 3 } && fileIso.All(char.IsAsciiLetterUpper) ? Cached(fileIso) : null;
    }
}
