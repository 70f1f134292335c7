using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Normalize;

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

/// <summary>
/// Writes <c>trade_flows/source=&lt;id&gt;/year=&lt;yyyy&gt;/part-0.parquet</c> under a root folder, one file per
/// year, a row group every <see cref="RowGroupSize"/> rows: memory is bounded by the number of years open,
/// not by the number of rows.
/// </summary>
public sealed class TradeFlowsWriter(string root, string sourceId, string sourceKind, string extractId) : IAsyncDisposable
{
    public const int RowGroupSize = 65_536;
    public const string TableName = "trade_flows";
    public static readonly NormalizedTable Table = new(TableName, ByYear: true, () => new Columns().All);

    readonly Dictionary<int, (ParquetTableWriter Writer, Columns Columns)> _byYear = new();

    public long Rows { get; private set; }
    public IReadOnlyCollection<int> Years => _byYear.Keys;

    /// <summary>The table's columns, in file order.</summary>
    public sealed class Columns
    {
        public readonly StringColumn SourceKind = new("source_kind", false);
        public readonly StringColumn Classification = new("classification", false);
        public readonly StringColumn HsVintage = new("hs_vintage", false);
        public readonly Int32Column Year = new("year");
        public readonly NullableInt32Column Month = new("month");
        public readonly StringColumn Flow = new("flow", false);
        public readonly StringColumn ReporterCode = new("reporter_code", false);
        public readonly StringColumn ReporterIso3 = new("reporter_iso3", true);
        public readonly StringColumn PartnerCode = new("partner_code", false);
        public readonly StringColumn PartnerIso3 = new("partner_iso3", true);
        public readonly StringColumn ProductCode = new("product_code", false);
        public readonly Int32Column ProductLevel = new("product_level");
        public readonly DoubleColumn ValueUsd = new("value_usd");
        public readonly StringColumn Valuation = new("valuation", false);
        public readonly NullableDoubleColumn QuantityKg = new("quantity_kg");
        public readonly NullableDoubleColumn QuantityOriginal = new("quantity_original");
        public readonly StringColumn QuantityUnit = new("quantity_unit", true);
        public readonly StringColumn Flags = new("flags", true);
        public readonly StringColumn ExtractId = new("extract_id", false);

        public ParquetColumn[] All =>
        [
            SourceKind, Classification, HsVintage, Year, Month, Flow, ReporterCode, ReporterIso3, PartnerCode, PartnerIso3,
            ProductCode, ProductLevel, ValueUsd, Valuation, QuantityKg, QuantityOriginal, QuantityUnit, Flags, ExtractId,
        ];
    }

    public async ValueTask WriteAsync(TradeFlow row, CancellationToken ct)
    {
        if (!_byYear.TryGetValue(row.Year, out var target))
        {
            var columns = new Columns();
            var path = Path.Combine(root, TableName, $"source={sourceId}", $"year={row.Year}", "part-0.parquet");
            target = (await ParquetTableWriter.CreateAsync(path, columns.All, RowGroupSize, ct), columns);
            _byYear[row.Year] = target;
        }
        var (w, c) = target;
        var i = w.Pending;
        c.SourceKind.Set(i, sourceKind);
        c.Classification.Set(i, "HS");
        c.HsVintage.Set(i, row.HsVintage);
        c.Year.Set(i, row.Year);
        c.Month.Set(i, row.Month);
        c.Flow.Set(i, row.Flow);
        c.ReporterCode.Set(i, row.ReporterCode);
        c.ReporterIso3.Set(i, row.ReporterIso3);
        c.PartnerCode.Set(i, row.PartnerCode);
        c.PartnerIso3.Set(i, row.PartnerIso3);
        c.ProductCode.Set(i, row.ProductCode);
        c.ProductLevel.Set(i, row.ProductLevel);
        c.ValueUsd.Set(i, row.ValueUsd);
        c.Valuation.Set(i, row.Valuation);
        c.QuantityKg.Set(i, row.QuantityKg);
        c.QuantityOriginal.Set(i, row.QuantityOriginal);
        c.QuantityUnit.Set(i, row.QuantityUnit);
        c.Flags.Set(i, row.Flags);
        c.ExtractId.Set(i, extractId);
        await w.CommitRowAsync(ct);
        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (w, _) in _byYear.Values) await w.DisposeAsync();
        _byYear.Clear();
    }
}
