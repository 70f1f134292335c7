namespace ClusterEtl.Transforms.Reference;

/// <summary>The Harmonized System vintages, oldest first, as BACI and Comtrade name them.</summary>
public static class HsVintages
{
    public static readonly string[] All = ["HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22"];
}
