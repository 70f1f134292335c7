using System.Globalization;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Resolves FAOSTAT area and item codes through the reference data. Areas: the FAO area code first (codes of 5000
/// and above are aggregates, 351 "China" is the aggregate of mainland, Hong Kong, Macao and Taiwan), else the M49
/// code; FAOSTAT's M49 codes of UN regions (001 World, 019 Americas …) and 159 (FAO's China) are aggregates.
/// An area code the reference does not know is an error for its row (quarantine). Items: the FAO code and the CPC
/// code complete each other through <c>fao_items.csv</c>; an item the reference does not list is kept, with
/// <c>item_in_reference</c> false, and counted (the bundled reference lists the clusters' items only).
/// </summary>
public sealed partial class FaostatReference
{
    /// <summary>UN M49 codes of regions and groups that FAOSTAT web downloads use for aggregates.</summary>
    static readonly HashSet<string> M49Aggregates =
    [
        "001", "002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034", "035", "039",
        "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "199", "202", "419", "432", "722",
    ];

    readonly CountryReference _countries;
    readonly Dictionary<int, FaoItemCode> _itemsByFao = new();
    readonly Dictionary<string, FaoItemCode> _itemsByCpc = new(StringComparer.Ordinal);
    readonly Dictionary<(string, string, string), FaoArea?> _areas = new();
    readonly Dictionary<(string, string, string), (FaoItem? Item, string? Problem)> _items = new();

    public FaostatReference(CountryReference countries, IEnumerable<FaoItemCode> items)
    {
        _countries = countries;
        foreach (var i in items.Where(i => i.HsVintage is null))
        {
            _itemsByFao.TryAdd(i.ItemCode, i);
            if (i.CpcCode.Length > 0) _itemsByCpc.TryAdd(i.CpcCode, i);
        }
    }

    /// <summary>Items seen that the reference does not list: "code (name)" → rows.</summary>
    public Dictionary<string, long> UnknownItems { get; } = new(StringComparer.Ordinal);

    /// <summary>A code as FAOSTAT writes it, without the apostrophe that keeps spreadsheets from dropping leading zeros.</summary>
    public static string Clean(string code) => code.Trim().TrimStart('\'').Trim();

    /// <returns>The area, or null when the reference does not know the code.</returns>
    public FaoArea? Area(string faoText, string m49Text, string name)
    {
        var key = (faoText, m49Text, name);
        if (_areas.TryGetValue(key, out var cached)) return cached;
        var fao = Clean(faoText);
        var m49 = Clean(m49Text);
        int? faoCode = int.TryParse(fao, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        Country? country = null;
        if (faoCode is { } code) country = _countries.ByFaoCode(code);
        else if (fao.Length == 0 && m49.Length > 0 && m49.All(char.IsAsciiDigit))
        {
            var padded = m49.PadLeft(3, '0');
            country = padded == "159" ? _countries.ByFaoCode(351) : _countries.ByM49(padded);
            if (country is null && M49Aggregates.Contains(padded))
                country = new Country($"M49:{padded}", null, null, padded, null, null, null, name, name, null, null, "aggregate", null);
        }
        FaoArea? area = country is null ? null
            : new FaoArea(faoCode, m49.Length > 0 ? m49 : null, name, country.Entity, country.IsAggregate ? null : country.Iso3,
                country.IsAggregate);
        _areas[key] = area;
        return area;
    }

    /// <returns>The item, or null with the problem when the codes are malformed.</returns>
    public FaoItem? Item(string faoText, string cpcText, string name, out string? problem)
    {
        var key = (faoText, cpcText, name);
        if (!_items.TryGetValue(key, out var resolved))
        {
            resolved = Resolve(Clean(faoText), Clean(cpcText), name);
            _items[key] = resolved;
        }
        problem = resolved.Problem;
        if (resolved.Item is { InReference: false } unknown)
        {
            var label = $"{unknown.CodeFao?.ToString(CultureInfo.InvariantCulture) ?? unknown.CodeCpc} ({name})";
            UnknownItems[label] = UnknownItems.GetValueOrDefault(label) + 1;
        }
        return resolved.Item;
    }

    (FaoItem?, string?) Resolve(string fao, string cpc, string name)
    {
        if (fao.Length == 0 && cpc.Length == 0) return (null, "no item code");
        int? code = null;
        if (fao.Length > 0)
        {
            // Food balance items are written S2511 in newer releases: the number is the FAO item code.
            var digits = fao.StartsWith('S') ? fao[1..] : fao;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                return (null, $"'{fao}' is not an FAO item code (a number)");
            code = c;
        }
        if (cpc.Length > 0 && !CpcCode().IsMatch(cpc)) return (null, $"'{cpc}' is not a CPC code");
        FaoItemCode? known = null;
        if (code is { } k) _itemsByFao.TryGetValue(k, out known);
        if (known is null && cpc.Length > 0) _itemsByCpc.TryGetValue(cpc, out known);
        if (known is not null && code is not null && cpc.Length > 0 && known.CpcCode != cpc && known.ItemCode != code)
            known = null;
        return (new FaoItem(code ?? known?.ItemCode, cpc.Length > 0 ? cpc : known?.CpcCode is { Length: > 0 } kc ? kc : null, name,
            known is not null), null);
    }

    [GeneratedRegex(@"^[0-9A-Z][0-9A-Za-z.]{0,15}$")]
    private static partial Regex CpcCode();
}
