using System.Globalization;

namespace ClusterEtl.Tests.Support;

/// <summary>Query rows as "a|b|c" text, for comparing with values worked out by hand: NULL, numbers rounded to 9 decimals,
/// booleans as true/false.</summary>
public static class MartRows
{
    public static string Cell(object? v) => v switch
    {
        null or DBNull => "NULL",
        double d => Math.Round(d, 9).ToString(CultureInfo.InvariantCulture),
        decimal m => Math.Round((double)m, 9).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    public static List<string> Of(string db, string sql) => Duck.Query(db, sql).Select(r => string.Join("|", r.Select(Cell))).ToList();
}
