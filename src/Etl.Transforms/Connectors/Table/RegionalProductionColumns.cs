using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>The columns of <c>lake/normalized/regional_production</c>: production of a product by region of a country.</summary>
public sealed class RegionalProductionColumns(string extractId) : ILakeColumns<TableRecord>
{
    public const string TableName = "regional_production";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new RegionalProductionColumns("").All);

    readonly StringColumn _countryIso3 = new("country_iso3", false);
    readonly StringColumn _region = new("region", false);
    readonly StringColumn _product = new("product", true);
    readonly NullableInt32Column _faoItem = new("fao_item_code");
    readonly StringColumn _hsCode = new("hs_code", true);
    readonly Int32Column _year = new("year");
    readonly DoubleColumn _quantity = new("quantity");
    readonly StringColumn _quantityUnit = new("quantity_unit", false);
    readonly NullableDoubleColumn _quantityT = new("quantity_t");
    readonly NullableDoubleColumn _area = new("area");
    readonly StringColumn _areaUnit = new("area_unit", true);
    readonly NullableDoubleColumn _areaHa = new("area_ha");
    readonly StringColumn _group = new("series_group", true);
    readonly StringColumn _file = new("file", false);
    readonly Int64Column _line = new("line");
    readonly StringColumn _extractId = new("extract_id", false);

    public ParquetColumn[] All =>
    [
        _countryIso3, _region, _product, _faoItem, _hsCode, _year, _quantity, _quantityUnit, _quantityT, _area, _areaUnit, _areaHa, _group,
        _file, _line, _extractId,
    ];

    public void Set(int i, in TableRecord r)
    {
        _countryIso3.Set(i, r.CountryIso3("country"));
        _region.Set(i, r.Text("region"));
        _product.Set(i, r.Text("product"));
        _faoItem.Set(i, r.FaoItemCode);
        _hsCode.Set(i, r.HsCode);
        _year.Set(i, r.Year);
        _quantity.Set(i, r.Number("quantity")!.Value);
        _quantityUnit.Set(i, r.Text("quantity_unit"));
        _quantityT.Set(i, TableUnits.Tonnes(r.Number("quantity"), r.Text("quantity_unit")));
        _area.Set(i, r.Number("area"));
        _areaUnit.Set(i, r.Text("area_unit"));
        _areaHa.Set(i, TableUnits.Ha(r.Number("area"), r.Text("area_unit")));
        _group.Set(i, r.Group);
        _file.Set(i, r.File);
        _line.Set(i, r.Line);
        _extractId.Set(i, extractId);
    }
}
