namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The unit of a mart column, read from the naming rules the models follow (README "The marts"): <c>_usd</c> USD,
/// <c>_kg</c> kg, <c>_usd_kg</c> USD/kg, <c>_usd_t</c> USD/t, <c>_lcu_t</c> local currency per tonne, <c>_t</c> tonnes,
/// shares and the HHI and CR4 in [0, 1]. A column that names no unit (codes, counts, text, ratios such as RCA) has none.
/// </summary>
public static class ColumnUnits
{
    static readonly (string Suffix, string Unit)[] Suffixes =
    [
        ("_usd_kg", "USD/kg"), ("_usd_t", "USD/t"), ("_lcu_t", "LCU/t"), ("_usd", "USD"), ("_kg", "kg"), ("_t", "t"),
        ("_ha", "ha"), ("share", "share (0-1)"), ("_share_value", "share (0-1)"), ("_share_qty", "share (0-1)"),
    ];

    /// <summary>The unit of column <paramref name="name"/>, or null when its name says none.</summary>
    public static string? Of(string name, string type)
    {
        if (type is "VARCHAR" or "BOOLEAN" || type.EndsWith("[]", StringComparison.Ordinal)) return null;
        if (name == "real_producer_price") return "USD/t (base year)";
        if (name.Contains("hhi", StringComparison.Ordinal) || name.Contains("cr4", StringComparison.Ordinal)) return "index (0-1)";
        if (name.StartsWith("share", StringComparison.Ordinal) || name.Contains("share_of", StringComparison.Ordinal)) return "share (0-1)";
        foreach (var (suffix, unit) in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return unit;
        if (name is "growth_yoy" or "cagr_5y" or "avg_real_change_10y" or "premium_vs_peers" or "market_share_change"
            or "relative_unit_value_change" or "farm_gate_share") return "ratio (0.05 = 5 %)";
        return null;
    }
}
