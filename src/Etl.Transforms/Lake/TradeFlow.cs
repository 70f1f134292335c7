namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// One normalized trade flow (the columns of <c>lake/normalized/trade_flows</c>). Text fields that repeat
/// (flow, valuation, vintage, units, flags) should be cached string instances: rows then cost no allocation.
/// </summary>
public struct TradeFlow
{
    public int Year;
    /// <summary>1-12 for monthly data, null for annual.</summary>
    public int? Month;
    /// <summary>HS92 … HS22.</summary>
    public string HsVintage;
    /// <summary>X export, M import, RX re-export, RM re-import, from the reporter's side.</summary>
    public string Flow;
    public string ReporterCode;
    public string? ReporterIso3;
    public string PartnerCode;
    public string? PartnerIso3;
    /// <summary>Full-width code as text (leading zeros kept), or TOTAL for all products.</summary>
    public string ProductCode;
    /// <summary>Digits of <see cref="ProductCode"/> (2, 4, 6), 0 for TOTAL.</summary>
    public int ProductLevel;
    public double ValueUsd;
    /// <summary>FOB or CIF.</summary>
    public string Valuation;
    /// <summary>Net weight in kg; null when missing or an estimated zero.</summary>
    public double? QuantityKg;
    /// <summary>The quantity as published, in <see cref="QuantityUnit"/>.</summary>
    public double? QuantityOriginal;
    public string? QuantityUnit;
    /// <summary>Estimation flags as published (e.g. <c>netwgt_estimated</c>), null when none.</summary>
    public string? Flags;
}
