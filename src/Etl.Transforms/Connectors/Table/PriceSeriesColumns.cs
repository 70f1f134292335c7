using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>The columns of <c>lake/normalized/price_series</c>: prices of a product in an area, as a user's table gives them.</summary>
public sealed class PriceSeriesColumns(string extractId) : ILakeColumns<TableRecord>
{
    public const string TableName = "price_series";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new PriceSeriesColumns("").All);

    readonly StringColumn _areaName = new("area_name", false);
    readonly StringColumn _areaIso3 = new("area_iso3", false);
    readonly StringColumn _product = new("product", true);
    readonly NullableInt32Column _faoItem = new("fao_item_code");
    readonly StringColumn _hsCode = new("hs_code", true);
    readonly Int32Column _year = new("year");
    readonly NullableInt32Column _month = new("month");
    readonly DoubleColumn _price = new("price");
    readonly StringColumn _unit = new("unit", false);
    readonly StringColumn _currency = new("currency", false);
    readonly NullableDoubleColumn _priceUsdT = new("price_usd_t");
    readonly StringColumn _group = new("series_group", true);
    readonly StringColumn _file = new("file", false);
    readonly Int64Column _line = new("line");
    readonly StringColumn _extractId = new("extract_id", false);

    public ParquetColumn[] All =>
        [_areaName, _areaIso3, _product, _faoItem, _hsCode, _year, _month, _price, _unit, _currency, _priceUsdT, _group, _file, _line, _extractId];

    public void Set(int i, in TableRecord r)
    {
        var price = r.Number("price")!.Value;
        _areaName.Set(i, r.Text("area"));
        _areaIso3.Set(i, r.CountryIso3("area"));
        _product.Set(i, r.Text("product"));
        _faoItem.Set(i, r.FaoItemCode);
        _hsCode.Set(i, r.HsCode);
        _year.Set(i, r.Year);
        _month.Set(i, r.Month);
        _price.Set(i, price);
        _unit.Set(i, r.Text("unit"));
        _currency.Set(i, r.Text("currency"));
        _priceUsdT.Set(i, TableUnits.PriceUsdPerTonne(price, r.Text("unit")!, r.Text("currency")!));
        _group.Set(i, r.Group);
        _file.Set(i, r.File);
        _line.Set(i, r.Line);
        _extractId.Set(i, extractId);
    }
}
