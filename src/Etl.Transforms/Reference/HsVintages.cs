namespace ClusterEtl.Transforms.Reference;

/// <summary>The Harmonized System vintages, oldest first, as BACI and Comtrade name them: the one list of them.</summary>
public static class HsVintages
{
    public static readonly string[] All = ["HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22"];

    /// <summary>The vintage of a UN Comtrade classification code: H0 is HS92, H1 HS96, … H6 HS22; null for another
    /// classification (SITC S1-S4, BEC …).</summary>
    public static string? FromComtradeCode(string classification) =>
        classification is ['H', var digit] && digit - '0' is var i && i >= 0 && i < All.Length ? All[i] : null;
}
