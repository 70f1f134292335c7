using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>
/// The codes SAIC writes inside its labels: "21 Puebla" (state), "114 Puebla" (municipality),
/// "Sector 31-33 Industrias manufactureras", "Subsector 337 …", "Rama 3371 …", "Subrama 33712 …", "Clase 337120 …"
/// (the level word may be absent: the number of digits tells the level), and totals ("Total nacional",
/// "Total estatal", "Total municipal", "Total …").
/// </summary>
public static partial class CensusLabels
{
    static readonly string[] Levels = ["sector", "subsector", "rama", "subrama", "clase"];

    public static bool IsTotal(string label) => label.TrimStart().StartsWith("total", StringComparison.OrdinalIgnoreCase);

    /// <summary>"21 Puebla" → ("21", "Puebla"); null when the label holds no key of at most <paramref name="width"/> digits.</summary>
    public static (string Key, string Name)? Area(string label, int width)
    {
        var m = KeyAndName().Match(label.Trim());
        if (!m.Success || m.Groups[1].Value.Length > width) return null;
        return (m.Groups[1].Value.PadLeft(width, '0'), m.Groups[2].Value.Trim());
    }

    public static CensusActivity? Activity(string label)
    {
        var m = ActivityPattern().Match(label.Trim());
        if (!m.Success) return null;
        var code = m.Groups[2].Value;
        var digits = code.Replace("-", "").Length;
        var level = digits == 4 && code.Contains('-') ? "sector" : digits is >= 2 and <= 6 ? Levels[digits - 2] : null;
        if (level is null) return null;
        var word = m.Groups[1].Value.ToLowerInvariant();
        if (word.Length > 0 && word != level) return null;
        return new CensusActivity(code, level, m.Groups[3].Value.Trim());
    }

    [GeneratedRegex(@"^(\d{1,3})\s+(\S.*)$")]
    private static partial Regex KeyAndName();

    [GeneratedRegex(@"^(?:(sector|subsector|rama|subrama|clase)\s+)?(\d\d-\d\d|\d{2,6})\s+(\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityPattern();
}
