using System.Globalization;
using System.Text;

namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// Finds a country of <c>countries.csv</c> from how people write it in a spreadsheet: its ISO3 code, or its name in English
/// or Spanish, whatever the case, accents, punctuation, "&amp;" for "and", small words ("the", "of", "de") and the
/// parenthesised part of official names ("Bolivia (Plurinational State of)" is also "Bolivia"). When no name matches
/// whole, the current country whose shortest name holding all the words ("Tanzania": United Republic of Tanzania; "Estados
/// Unidos": Estados Unidos de América, not Islas Vírgenes de los Estados Unidos) is that country; when two countries' names
/// are equally short, none is guessed. Current countries and territories come before former entities.
/// </summary>
public sealed class CountryNames
{
    static readonly HashSet<string> SmallWords = ["the", "of", "and", "de", "del", "la", "las", "los", "el", "y", "et", "d"];
    readonly Dictionary<string, Country> _byName = new(StringComparer.Ordinal);
    readonly List<(HashSet<string> Words, Country Country)> _words = [];

    public CountryNames(IEnumerable<Country> countries)
    {
        foreach (var c in countries.Where(c => c.Iso3 is not null).OrderBy(c => c.IsCurrent ? 0 : 1))
        {
            foreach (var name in new[] { c.Iso3!, c.NameEn, c.NameEs, WithoutParentheses(c.NameEn), WithoutParentheses(c.NameEs) })
                if (Key(name) is { Length: > 0 } key) _byName.TryAdd(key, c);
            if (c.IsCurrent)
                foreach (var name in new[] { c.NameEn, c.NameEs })
                    _words.Add((Key(name).Split(' ').ToHashSet(), c));
        }
    }

    /// <summary>The country a name or code stands for; null when none or several fit.</summary>
    public Country? Find(string text)
    {
        var key = Key(text);
        if (key.Length == 0) return null;
        if (_byName.TryGetValue(key, out var c) || _byName.TryGetValue(Key(WithoutParentheses(text)), out c)) return c;
        var words = key.Split(' ');
        var fits = _words.Where(w => words.All(w.Words.Contains)).ToList();
        if (fits.Count == 0) return null;
        var shortest = fits.Min(f => f.Words.Count);
        var best = fits.Where(f => f.Words.Count == shortest).Select(f => f.Country).Distinct().ToList();
        return best.Count == 1 ? best[0] : null;
    }

    static string WithoutParentheses(string name) => name.Split('(')[0];

    /// <summary>Lower case, no accents, words of letters and digits, small words left out.</summary>
    static string Key(string name)
    {
        var plain = new StringBuilder();
        foreach (var ch in name.Replace("&", " and ").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w)));
    }
}
