namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>The Comtrade columns the connector reads, whatever the layout calls them.</summary>
public enum ComtradeField
{
    Year, Period, FreqCode, Month, Flow, ReporterCode, ReporterIso, PartnerCode, PartnerIso, Partner2Code, CustomsCode,
    MotCode, Classification, CommodityCode, AggregateLevel, QtyUnitCode, QtyUnit, Qty, NetWeight, IsNetWeightEstimated,
    IsQtyEstimated, Value, CifValue, FobValue, Flag,
}
