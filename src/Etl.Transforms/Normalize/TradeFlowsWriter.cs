using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Normalize;

/// <summary>One normalized bilateral trade flow (the columns of <c>lake/normalized/trade_flows</c>).</summary>
public struct TradeFlow
{
    public int Year;
    public string ReporterCode;
    public string? ReporterIso3;
    public string PartnerCode;
    public string? PartnerIso3;
    public string ProductCode;
    public double ValueUsd;
    public double? QuantityKg;
}

/// <summary>
/// Writes <c>trade_flows/source=&lt;id&gt;/year=&lt;yyyy&gt;/part-0.parquet</c> under a root folder, one file per
/// year, a row group every <see cref="RowGroupSize"/> rows: memory is bounded by the number of years open,
/// not by the number of rows. Constant columns (source kind, vintage, extract) are set once per row from
/// cached strings.
/// </summary>
public sealed class TradeFlowsWriter(string root, string sourceId, string sourceKind, string classification,
    string vintage, string flow, string valuation, string extractId) : IAsyncDisposable
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
        public readonly StringColumn Flow = new("flow", false);
        public readonly StringColumn ReporterCode = new("reporter_code", false);
        public readonly StringColumn ReporterIso3 = new("reporter_iso3", true);
        public readonly StringColumn PartnerCode = new("partner_code", false);
        public readonly StringColumn PartnerIso3 = new("partner_iso3", true);
        public readonly StringColumn ProductCode = new("product_code", false);
        public readonly DoubleColumn ValueUsd = new("value_usd");
        public readonly StringColumn Valuation = new("valuation", false);
        public readonly NullableDoubleColumn QuantityKg = new("quantity_kg");
        public readonly StringColumn ExtractId = new("extract_id", false);

        public ParquetColumn[] All =>
        [
            SourceKind, Classification, HsVintage, Year, Flow, ReporterCode, ReporterIso3, PartnerCode, PartnerIso3,
            ProductCode, ValueUsd, Valuation, QuantityKg, ExtractId,
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
        c.Classification.Set(i, classification);
        c.HsVintage.Set(i, vintage);
        c.Year.Set(i, row.Year);
        c.Flow.Set(i, flow);
        c.ReporterCode.Set(i, row.ReporterCode);
        c.ReporterIso3.Set(i, row.ReporterIso3);
        c.PartnerCode.Set(i, row.PartnerCode);
        c.PartnerIso3.Set(i, row.PartnerIso3);
        c.ProductCode.Set(i, row.ProductCode);
        c.ValueUsd.Set(i, row.ValueUsd);
        c.Valuation.Set(i, valuation);
        c.QuantityKg.Set(i, row.QuantityKg);
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
