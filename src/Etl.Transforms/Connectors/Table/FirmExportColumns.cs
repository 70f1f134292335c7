using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>The columns of <c>lake/normalized/firm_exports</c>: exports by firm, as an export association's table gives them.</summary>
public sealed class FirmExportColumns(string extractId) : ILakeColumns<TableRecord>
{
    public const string TableName = "firm_exports";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new FirmExportColumns("").All);

    readonly StringColumn _countryIso3 = new("country_iso3", false);
    readonly StringColumn _exporter = new("exporter", false);
    readonly StringColumn _destinationName = new("destination_name", true);
    readonly StringColumn _destinationIso3 = new("destination_iso3", true);
    readonly StringColumn _hsCode = new("hs_code", false);
    readonly StringColumn _hsVintage = new("hs_vintage", true);
    readonly Int32Column _year = new("year");
    readonly DoubleColumn _value = new("value");
    readonly StringColumn _currency = new("currency", false);
    readonly NullableDoubleColumn _valueUsd = new("value_usd");
    readonly NullableDoubleColumn _quantity = new("quantity");
    readonly StringColumn _quantityUnit = new("quantity_unit", true);
    readonly NullableDoubleColumn _quantityKg = new("quantity_kg");
    readonly StringColumn _group = new("series_group", true);
    readonly StringColumn _file = new("file", false);
    readonly Int64Column _line = new("line");
    readonly StringColumn _extractId = new("extract_id", false);

    public ParquetColumn[] All =>
    [
        _countryIso3, _exporter, _destinationName, _destinationIso3, _hsCode, _hsVintage, _year, _value, _currency, _valueUsd, _quantity,
        _quantityUnit, _quantityKg, _group, _file, _line, _extractId,
    ];

    public void Set(int i, in TableRecord r)
    {
        var value = r.Number("value")!.Value;
        _countryIso3.Set(i, r.CountryIso3("country"));
        _exporter.Set(i, r.Text("exporter"));
        _destinationName.Set(i, r.Text("destination"));
        _destinationIso3.Set(i, r.CountryIso3("destination"));
        _hsCode.Set(i, r.HsCode);
        _hsVintage.Set(i, r.Text("hs_vintage"));
        _year.Set(i, r.Year);
        _value.Set(i, value);
        _currency.Set(i, r.Text("currency"));
        _valueUsd.Set(i, TableUnits.ValueUsd(value, r.Text("currency")!));
        _quantity.Set(i, r.Number("quantity"));
        _quantityUnit.Set(i, r.Text("quantity_unit"));
        _quantityKg.Set(i, TableUnits.Kilograms(r.Number("quantity"), r.Text("quantity_unit")));
        _group.Set(i, r.Group);
        _file.Set(i, r.File);
        _line.Set(i, r.Line);
        _extractId.Set(i, extractId);
    }
}
