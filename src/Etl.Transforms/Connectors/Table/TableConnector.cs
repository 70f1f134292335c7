using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// Source kind <c>table</c>: a user's CSV or XLSX sheet (growers' prices, firms' exports, regional production) read with a
/// declared mapping into one of the lake tables <c>price_series</c>, <c>firm_exports</c> or <c>regional_production</c>
/// (<see cref="TableSchema"/>). The source writes all three (the two it does not fill, empty), each replaced whole.
/// </summary>
public sealed class TableConnector : ISourceConnector
{
    public string Kind => "table";
    public string Version => TableNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [PriceSeriesColumns.Table, FirmExportColumns.Table, RegionalProductionColumns.Table];

    /// <summary>Country names, FAO items and HS codes are resolved through these.</summary>
    public IReadOnlyList<string> ReferenceFiles { get; } =
        [CountryReference.FileName, FaoItemReference.FileName, HsReference.ProductsFile + ".gz"];

    public object? ReadOptions(JsonFields? options, string pipelinesDir)
    {
        if (options is null) throw new DefinitionException("", "options", "a table source needs options: table, columns (and constants)");
        options.RejectUnknown("table", "sheet", "header_row", "columns", "constants", "years");
        var name = options.RequiredString("table");
        var schema = TableSchema.All.FirstOrDefault(t => t.Name == name)
                     ?? throw options.Error("table", $"'{name}' is not a table (one of {string.Join(", ", TableSchema.All.Select(t => t.Name))})");
        var years = options.OptionalString("years") ?? "column";
        if (years is not ("column" or "wide")) throw options.Error("years", $"'{years}' must be 'column' (a year column) or 'wide' (a column per year)");
        var wide = years == "wide";
        var fields = schema.Fields.Select(f => f.Name).ToArray();
        var columns = Map(options.Object("columns", required: true)!, fields);
        var constants = Map(options.Object("constants", required: false), fields);
        foreach (var f in schema.Fields)
        {
            if (wide && (f.Name == "year" || f.Name == schema.Measure))
            {
                if (columns.ContainsKey(f.Name) || constants.ContainsKey(f.Name))
                    throw options.Error($"columns.{f.Name}", $"with years 'wide', {f.Name} comes from the year columns: leave it out");
                continue;
            }
            if (columns.ContainsKey(f.Name) && constants.ContainsKey(f.Name))
                throw options.Error($"constants.{f.Name}", $"{f.Name} is both a column and a constant: keep one");
            if (f.Required && !columns.ContainsKey(f.Name) && !constants.ContainsKey(f.Name))
                throw options.Error("columns", $"{schema.Name} needs '{f.Name}': a column (header text or letter) or a constant");
        }
        return new TableOptions(schema, options.OptionalString("sheet"), (int)(options.OptionalNumber("header_row", 1, 1_000_000) ?? 1),
            columns, constants, wide);
    }

    static Dictionary<string, string> Map(JsonFields? o, string[] fields)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (o is null) return map;
        o.RejectUnknown(fields);
        foreach (var f in fields)
            if (o.OptionalString(f) is { Length: > 0 } v) map[f] = v;
        return map;
    }

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) => new TableNormalizer().NormalizeAsync(context, ct);
}
