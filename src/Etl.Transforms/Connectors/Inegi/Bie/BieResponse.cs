using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>
/// Reads the JSON of INEGI's indicators API: <c>{"Header":…,"Series":[{"INDICADOR","FREQ",…,"OBSERVATIONS":[…]}]}</c>,
/// or the error answer <c>["ErrorInfo:…","ErrorDetails:…","ErrorCode:100"]</c>. Frequencies: 8 monthly, 4 quarterly,
/// 3 annual; periods 2024/07, 2024/02 (quarter) and 2024.
/// </summary>
public static partial class BieResponse
{
    public static readonly IReadOnlyDictionary<string, string> Frequencies = new Dictionary<string, string>
    {
        ["8"] = "monthly", ["4"] = "quarterly", ["3"] = "annual",
    };

    /// <exception cref="JsonException">Not JSON, or not one of the two layouts (message says what was expected).</exception>
    public static BieAnswer Read(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var items = root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
            string? Item(string key) => items.FirstOrDefault(i => i.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))?[(key.Length + 1)..].Trim();
            return new BieAnswer([], Item("ErrorCode") ?? "unknown", Item("ErrorInfo") ?? string.Join("; ", items));
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Series", out var series) || series.ValueKind != JsonValueKind.Array)
            throw new JsonException("expected an object with a \"Series\" list (or the API's error list)");
        var list = new List<BieRawSeries>();
        var n = 0;
        foreach (var s in series.EnumerateArray())
        {
            var observations = new List<BieRawObservation>();
            if (s.TryGetProperty("OBSERVATIONS", out var obs) && obs.ValueKind == JsonValueKind.Array)
            {
                var k = 0;
                foreach (var o in obs.EnumerateArray())
                    observations.Add(new BieRawObservation(k++, Text(o, "TIME_PERIOD") ?? "", Text(o, "OBS_VALUE") ?? "", Text(o, "OBS_STATUS"),
                        o.GetRawText()));
            }
            list.Add(new BieRawSeries(n++, Text(s, "INDICADOR") ?? "", Text(s, "FREQ") ?? "", Text(s, "UNIT"), Text(s, "UNIT_MULT"),
                Text(s, "TOPIC"), Text(s, "LASTUPDATE"), observations));
        }
        return new BieAnswer(list, null, null);
    }

    /// <summary>A property as text (numbers as written), null when absent, null or empty.</summary>
    static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    /// <summary>Year, month and quarter of a period in the series' frequency, and its first day; null when it does not fit.</summary>
    public static (int Year, int? Month, int? Quarter, string Start)? Period(string frequency, string text)
    {
        var m = PeriodPattern().Match(text.Trim());
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var sub = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : (int?)null;
        return frequency switch
        {
            "monthly" when sub is >= 1 and <= 12 => (year, sub, (sub.Value + 2) / 3, $"{year:D4}-{sub:D2}-01"),
            "quarterly" when sub is >= 1 and <= 4 => (year, null, sub, $"{year:D4}-{(sub.Value - 1) * 3 + 1:D2}-01"),
            "annual" when sub is null => (year, null, null, $"{year:D4}-01-01"),
            _ => null,
        };
    }

    [GeneratedRegex(@"^((?:19|20)\d\d)(?:/(\d\d))?$")]
    private static partial Regex PeriodPattern();
}
