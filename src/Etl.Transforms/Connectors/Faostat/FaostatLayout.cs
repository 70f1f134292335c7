using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// The positions of the known columns in a FAOSTAT header (-1 when absent), and the layout they make.
/// Names are compared trimmed, without quotes or BOM, ignoring case; FAO's renamings between releases
/// (<c>Area Code</c>/<c>Area Code (FAO)</c>, <c>Item Code</c>/<c>Item Code (FAO)</c>/<c>Item Code (FBS)</c>,
/// <c>Item Code (CPC)</c>) are all accepted.
/// </summary>
public sealed partial class FaostatLayout
{
    public required FaostatLayoutKind Kind { get; init; }
    public required IReadOnlyList<string> Header { get; init; }
    /// <summary>For <see cref="FaostatLayoutKind.Unknown"/>: the closest layout and what it misses.</summary>
    public string? Problem { get; init; }
    public string? MissingColumn { get; init; }

    public int DomainCode { get; private init; } = -1;
    public int AreaFao { get; private init; } = -1;
    public int AreaM49 { get; private init; } = -1;
    public int Area { get; private init; } = -1;
    public int ReporterFao { get; private init; } = -1;
    public int ReporterM49 { get; private init; } = -1;
    public int Reporter { get; private init; } = -1;
    public int PartnerFao { get; private init; } = -1;
    public int PartnerM49 { get; private init; } = -1;
    public int Partner { get; private init; } = -1;
    public int ItemFao { get; private init; } = -1;
    public int ItemCpc { get; private init; } = -1;
    public int Item { get; private init; } = -1;
    public int ElementCode { get; private init; } = -1;
    public int Element { get; private init; } = -1;
    public int Year { get; private init; } = -1;
    public int MonthsCode { get; private init; } = -1;
    public int Months { get; private init; } = -1;
    public int Unit { get; private init; } = -1;
    public int Value { get; private init; } = -1;
    public int Flag { get; private init; } = -1;
    public int FlagDescription { get; private init; } = -1;
    public int Note { get; private init; } = -1;
    public IReadOnlyList<WideYear> Years { get; private init; } = [];

    public bool IsData => Kind is FaostatLayoutKind.Normalized or FaostatLayoutKind.Web or FaostatLayoutKind.Wide
        or FaostatLayoutKind.WideNoFlag or FaostatLayoutKind.TradeMatrix;

    /// <summary>The header's name of column <paramref name="index"/>, for messages.</summary>
    public string Name(int index) => index >= 0 && index < Header.Count ? Header[index] : "?";

    /// <summary>The first line's names, without BOM or quotes, from the start of the file (any encoding: names are ASCII).</summary>
    public static IReadOnlyList<string> ReadHeader(Func<Stream> open)
    {
        using var s = open();
        var buffer = new byte[1 << 16];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var start = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var text = Encoding.Latin1.GetString(buffer, start, n - start);
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return first.Length == 0 ? [] : first.Split(',').Select(h => h.Trim().Trim('"').Trim()).ToArray();
    }

    public static FaostatLayout Detect(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.ToLowerInvariant()).ToArray();
        int Find(params string[] candidates)
        {
            foreach (var c in candidates)
            {
                var i = Array.IndexOf(names, c);
                if (i >= 0) return i;
            }
            return -1;
        }

        var years = new List<WideYear>();
        for (var i = 0; i < names.Length; i++)
        {
            var m = YearColumn().Match(names[i]);
            if (!m.Success) continue;
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            years.Add(new WideYear(y, i, Array.IndexOf(names, $"y{y}f"), Array.IndexOf(names, $"y{y}n")));
        }

        var layout = new FaostatLayout
        {
            Kind = FaostatLayoutKind.Unknown,
            Header = header,
            DomainCode = Find("domain code"),
            AreaFao = Find("area code", "area code (fao)"),
            AreaM49 = Find("area code (m49)"),
            Area = Find("area"),
            ReporterFao = Find("reporter country code", "reporter country code (fao)"),
            ReporterM49 = Find("reporter country code (m49)"),
            Reporter = Find("reporter countries", "reporter country"),
            PartnerFao = Find("partner country code", "partner country code (fao)"),
            PartnerM49 = Find("partner country code (m49)"),
            Partner = Find("partner countries", "partner country"),
            ItemFao = Find("item code", "item code (fao)", "item code (fbs)"),
            ItemCpc = Find("item code (cpc)"),
            Item = Find("item"),
            ElementCode = Find("element code"),
            Element = Find("element"),
            Year = Find("year"),
            MonthsCode = Find("months code"),
            Months = Find("months"),
            Unit = Find("unit"),
            Value = Find("value"),
            Flag = Find("flag"),
            FlagDescription = Find("flag description"),
            Note = Find("note"),
            Years = years,
        };

        if (names.Length == 2 && names[0] is "flag" or "flags" && names[1] == "description")
            return layout.As(FaostatLayoutKind.Flags);

        // Required column groups (any one name of a group will do) of each data layout; on a tie, the first is the closest.
        var item = new[] { "Item Code", "Item Code (CPC)" };
        (FaostatLayoutKind Kind, string[][] Groups, int[][] Found)[] candidates =
        [
            (FaostatLayoutKind.Normalized,
                [["Area Code", "Area Code (M49)", "Area Code (FAO)"], item, ["Element Code"], ["Year"], ["Unit"], ["Value"]],
                [[layout.AreaFao, layout.AreaM49], [layout.ItemFao, layout.ItemCpc], [layout.ElementCode], [layout.Year], [layout.Unit],
                    [layout.Value]]),
            (FaostatLayoutKind.Wide,
                [["Area Code", "Area Code (M49)"], item, ["Element Code"], ["Unit"], ["Y1961 ... Y2022"]],
                [[layout.AreaFao, layout.AreaM49], [layout.ItemFao, layout.ItemCpc], [layout.ElementCode], [layout.Unit],
                    [years.Count > 0 ? 0 : -1]]),
            (FaostatLayoutKind.TradeMatrix,
                [["Reporter Country Code", "Reporter Country Code (M49)"], ["Partner Country Code", "Partner Country Code (M49)"], item,
                    ["Element Code"], ["Year"], ["Unit"], ["Value"]],
                [[layout.ReporterFao, layout.ReporterM49], [layout.PartnerFao, layout.PartnerM49], [layout.ItemFao, layout.ItemCpc],
                    [layout.ElementCode], [layout.Year], [layout.Unit], [layout.Value]]),
        ];
        var isTradeMatrix = layout.ReporterFao >= 0 || layout.ReporterM49 >= 0;
        foreach (var (kind, _, found) in candidates)
        {
            if (!found.All(g => g.Any(i => i >= 0)) || isTradeMatrix != (kind == FaostatLayoutKind.TradeMatrix)) continue;
            if (kind == FaostatLayoutKind.TradeMatrix) return layout.As(kind);
            if (kind == FaostatLayoutKind.Wide)
                return layout.As(years.Any(y => y.Flag >= 0) ? FaostatLayoutKind.Wide : FaostatLayoutKind.WideNoFlag);
            return layout.As(layout.DomainCode >= 0 ? FaostatLayoutKind.Web : FaostatLayoutKind.Normalized);
        }

        // Code lists shipped beside the data in bulk zips: an area, item or element list without values.
        if (layout.Value < 0 && years.Count == 0 && layout.Year < 0 &&
            (layout.AreaFao >= 0 || layout.ItemFao >= 0 || layout.ItemCpc >= 0 || layout.ElementCode >= 0))
            return layout.As(FaostatLayoutKind.Sidecar);

        var best = candidates
            .Select(c => (c.Kind, Missing: c.Groups.Where((_, g) => !c.Found[g].Any(i => i >= 0)).Select(g => g[0]).ToList()))
            .OrderBy(c => c.Missing.Count).First();
        return new FaostatLayout
        {
            Kind = FaostatLayoutKind.Unknown,
            Header = header,
            MissingColumn = best.Missing[0],
            Problem = $"the header matches no FAOSTAT layout: closest is {Describe(best.Kind)}, which needs " +
                      $"{string.Join(", ", best.Missing.Select(m => $"'{m}'"))}",
        };
    }

    public static string Describe(FaostatLayoutKind kind) => kind switch
    {
        FaostatLayoutKind.Normalized => "the bulk normalized layout",
        FaostatLayoutKind.Web => "the web download layout",
        FaostatLayoutKind.Wide => "the bulk wide layout",
        FaostatLayoutKind.WideNoFlag => "the bulk wide layout without flags",
        FaostatLayoutKind.TradeMatrix => "the Detailed Trade Matrix layout",
        FaostatLayoutKind.Flags => "the flags list",
        FaostatLayoutKind.Sidecar => "a code list",
        _ => "an unknown layout",
    };

    /// <summary>The layout name written on every row (<c>layout</c> column).</summary>
    public string Label => Kind switch
    {
        FaostatLayoutKind.Normalized => "bulk_normalized",
        FaostatLayoutKind.Web => "web",
        FaostatLayoutKind.Wide => "bulk_wide",
        FaostatLayoutKind.WideNoFlag => "bulk_wide_noflag",
        FaostatLayoutKind.TradeMatrix => DomainCode >= 0 ? "web_trade_matrix" : "bulk_trade_matrix",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    FaostatLayout As(FaostatLayoutKind kind) => new()
    {
        Kind = kind, Header = Header, DomainCode = DomainCode, AreaFao = AreaFao, AreaM49 = AreaM49, Area = Area,
        ReporterFao = ReporterFao, ReporterM49 = ReporterM49, Reporter = Reporter, PartnerFao = PartnerFao,
        PartnerM49 = PartnerM49, Partner = Partner, ItemFao = ItemFao, ItemCpc = ItemCpc, Item = Item,
        ElementCode = ElementCode, Element = Element, Year = Year, MonthsCode = MonthsCode, Months = Months, Unit = Unit,
        Value = Value, Flag = Flag, FlagDescription = FlagDescription, Note = Note, Years = Years,
    };

    [GeneratedRegex(@"^y(\d{4})$")]
    private static partial Regex YearColumn();
}
