using System.Globalization;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// Writes a value of the warehouse as text in the site's language: English separators (1,234.5) or Spanish ones
/// (1.234,5). A NULL is "-" (never 0). The program runs with invariant globalization, so the Spanish form is made
/// from the invariant one.
/// </summary>
public static class CellText
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Format(object? value, CellFormat format, string language)
    {
        if (value is null or DBNull) return "-";
        if (format is CellFormat.Text or CellFormat.Html || value is string) return Convert.ToString(value, Inv) ?? "-";
        if (value is bool b) return b ? "✓" : "✗";
        if (value is DateTime t) return t.ToString("yyyy-MM-dd HH:mm", Inv);
        if (value is DateTimeOffset o) return o.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv);
        double d;
        try { d = Convert.ToDouble(value, Inv); }
        catch (Exception e) when (e is InvalidCastException or FormatException) { return Convert.ToString(value, Inv) ?? "-"; }
        if (!double.IsFinite(d)) return "-";
        var s = format switch
        {
            CellFormat.Plain => Convert.ToString(value, Inv)!,
            CellFormat.Integer or CellFormat.Decimal0 => d.ToString("N0", Inv),
            CellFormat.MillionUsd => (d / 1e6).ToString("N1", Inv),
            CellFormat.Percent => (d * 100).ToString("N1", Inv) + " %",
            CellFormat.Decimal2 => d.ToString("N2", Inv),
            _ => d.ToString("N3", Inv),
        };
        if (s.StartsWith('-') && s.All(c => c is '-' or '0' or '.' or ',' or ' ' or '%')) s = s[1..]; // "-0.0 %" is no decline
        return language == "es" && format != CellFormat.Plain ? Spanish(s) : s;
    }

    /// <summary>1,234.5 becomes 1.234,5.</summary>
    static string Spanish(string s) => string.Create(s.Length, s, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
    });
}
