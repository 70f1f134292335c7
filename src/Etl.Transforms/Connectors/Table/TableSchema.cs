namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// One of the lake tables a <c>table</c> source can fill: its fields, the measure that wide year columns hold, and the
/// field whose text names a row (the group label when the row has no measure).
/// </summary>
public sealed record TableSchema(string Name, IReadOnlyList<TableField> Fields, string Measure, string Label)
{
    public static readonly TableSchema PriceSeries = new("price_series",
    [
        new("area", TableFieldKind.Country, true), new("product", TableFieldKind.Text, false), new("product_code", TableFieldKind.Text, false),
        new("year", TableFieldKind.Year, true), new("month", TableFieldKind.Month, false), new("price", TableFieldKind.Number, true),
        new("unit", TableFieldKind.Text, true), new("currency", TableFieldKind.Text, true),
    ], Measure: "price", Label: "area");

    public static readonly TableSchema FirmExports = new("firm_exports",
    [
        new("country", TableFieldKind.Country, true), new("exporter", TableFieldKind.Text, true), new("destination", TableFieldKind.Country, false),
        new("product_code", TableFieldKind.Text, true), new("hs_vintage", TableFieldKind.Text, false), new("year", TableFieldKind.Year, true),
        new("value", TableFieldKind.Number, true), new("currency", TableFieldKind.Text, true), new("quantity", TableFieldKind.Number, false),
        new("quantity_unit", TableFieldKind.Text, false),
    ], Measure: "value", Label: "exporter");

    public static readonly TableSchema RegionalProduction = new("regional_production",
    [
        new("country", TableFieldKind.Country, true), new("region", TableFieldKind.Text, true), new("product", TableFieldKind.Text, false),
        new("product_code", TableFieldKind.Text, false), new("year", TableFieldKind.Year, true), new("quantity", TableFieldKind.Number, true),
        new("quantity_unit", TableFieldKind.Text, true), new("area", TableFieldKind.Number, false), new("area_unit", TableFieldKind.Text, false),
    ], Measure: "quantity", Label: "region");

    public static readonly IReadOnlyList<TableSchema> All = [PriceSeries, FirmExports, RegionalProduction];

    public TableField Field(string name) => Fields.First(f => f.Name == name);
}
