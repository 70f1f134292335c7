using ClusterEtl.Transforms.Parquet.Direct;

namespace ClusterEtl.Transforms.Lake;

/// <summary>The columns of <c>trade_flows</c>, in file order: the buffers of one row group.</summary>
public sealed class TradeFlowColumns : ColumnSet
{
    public readonly DirectStringColumn SourceKind = new("source_kind", false);
    public readonly DirectStringColumn Classification = new("classification", false);
    public readonly DirectStringColumn HsVintage = new("hs_vintage", false);
    public readonly DirectInt32Column Year = new("year");
    public readonly DirectNullableInt32Column Month = new("month");
    public readonly DirectStringColumn Flow = new("flow", false);
    public readonly DirectStringColumn ReporterCode = new("reporter_code", false);
    public readonly DirectStringColumn ReporterIso3 = new("reporter_iso3", true);
    public readonly DirectStringColumn PartnerCode = new("partner_code", false);
    public readonly DirectStringColumn PartnerIso3 = new("partner_iso3", true);
    public readonly DirectStringColumn ProductCode = new("product_code", false);
    public readonly DirectInt32Column ProductLevel = new("product_level");
    public readonly DirectDoubleColumn ValueUsd = new("value_usd");
    public readonly DirectStringColumn Valuation = new("valuation", false);
    public readonly DirectNullableDoubleColumn QuantityKg = new("quantity_kg");
    public readonly DirectNullableDoubleColumn QuantityOriginal = new("quantity_original");
    public readonly DirectStringColumn QuantityUnit = new("quantity_unit", true);
    public readonly DirectStringColumn Flags = new("flags", true);
    public readonly DirectStringColumn ExtractId = new("extract_id", false);

    readonly DirectColumn[] _all;

    /// <param name="capacity">Rows per row group (0 for a schema only).</param>
    public TradeFlowColumns(int capacity)
    {
        _all =
        [
            SourceKind, Classification, HsVintage, Year, Month, Flow, ReporterCode, ReporterIso3, PartnerCode, PartnerIso3,
            ProductCode, ProductLevel, ValueUsd, Valuation, QuantityKg, QuantityOriginal, QuantityUnit, Flags, ExtractId,
        ];
        Allocate(capacity);
    }

    public override IReadOnlyList<DirectColumn> All => _all;

    /// <summary>Stores <paramref name="row"/> as row <paramref name="i"/> of the row group.</summary>
    public void Set(int i, in TradeFlow row, string sourceKind, string extractId)
    {
        SourceKind.Set(i, sourceKind);
        Classification.Set(i, "HS");
        HsVintage.Set(i, row.HsVintage);
        Year.Set(i, row.Year);
        Month.Set(i, row.Month);
        Flow.Set(i, row.Flow);
        ReporterCode.Set(i, row.ReporterCode);
        ReporterIso3.Set(i, row.ReporterIso3);
        PartnerCode.Set(i, row.PartnerCode);
        PartnerIso3.Set(i, row.PartnerIso3);
        ProductCode.Set(i, row.ProductCode);
        ProductLevel.Set(i, row.ProductLevel);
        ValueUsd.Set(i, row.ValueUsd);
        Valuation.Set(i, row.Valuation);
        QuantityKg.Set(i, row.QuantityKg);
        QuantityOriginal.Set(i, row.QuantityOriginal);
        QuantityUnit.Set(i, row.QuantityUnit);
        Flags.Set(i, row.Flags);
        ExtractId.Set(i, extractId);
    }
}
