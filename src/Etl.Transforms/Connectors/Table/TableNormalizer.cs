using System.Globalization;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// Reads a user's table (<see cref="TableSheet"/>) with its declared mapping (<see cref="TableOptions"/>): the header row
/// names the columns (or letters do), wide year columns become one row per non-blank cell, a row without a value is a
/// group row (its label, e.g. "Colombian Milds", is kept as <c>series_group</c> of the rows below it) or a blank one
/// (skipped), countries are resolved from ISO3 codes or English or Spanish names (<see cref="CountryNames"/>), products to
/// FAO items (code or name) or HS codes. A row that cannot be read goes to quarantine with its line and column.
/// </summary>
public sealed class TableNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<TableNormalizer>();

    public static string Version => "table/1";

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct)
    {
        var source = context.Source;
        var options = (TableOptions)source.Options!;
        var data = context.Data;
        var definitions = context.Definitions;
        var countries = new CountryNames(definitions?.Countries?.Countries ?? []);
        var itemsFile = definitions is null ? null : FaoItemReference.PathIn(definitions.Directory);
        var items = itemsFile is not null && File.Exists(itemsFile) ? FaoItemReference.Load(itemsFile).Where(i => i.HsVintage is null).ToList() : [];
        var rows = TableSheet.Read(data.Path, data.Display, options.Sheet, source.Id);
        var header = rows.FirstOrDefault(r => r.Line == options.HeaderRow)
                     ?? throw new PipelineException("normalize", $"the file has no row {options.HeaderRow} (options.header_row)",
                         "Set header_row to the row holding the column names.", source.Id, data.Display);
        var index = options.Columns.ToDictionary(c => c.Key, c => Column(c.Key, c.Value));
        var yearColumns = options.WideYears
            ? header.Cells.Select((text, i) => (Year: ParseYear(text), i)).Where(y => y.Year is not null).Select(y => (Year: y.Year!.Value, y.i)).ToList()
            : [];
        if (options.WideYears && yearColumns.Count == 0)
            throw new PipelineException("normalize", $"years 'wide' but no header cell of row {options.HeaderRow} is a year",
                "Check header_row (the row with 1990, 1991, ...).", source.Id, data.Display, options.HeaderRow);

        var schema = options.Table;
        var quarantine = new QuarantineWriter(source.Id, context.ExtractId);
        long written = 0, groupRows = 0, blankRows = 0;
        var years = new SortedSet<int>();
        var writers = new Dictionary<string, LakeTableWriter<TableRecord, ILakeColumns<TableRecord>>>();
        try
        {
            foreach (var (table, columns) in new (NormalizedTable, Func<ILakeColumns<TableRecord>>)[]
                     {
                         (PriceSeriesColumns.Table, () => new PriceSeriesColumns(context.ExtractId)),
                         (FirmExportColumns.Table, () => new FirmExportColumns(context.ExtractId)),
                         (RegionalProductionColumns.Table, () => new RegionalProductionColumns(context.ExtractId)),
                     })
                writers[table.Name] = new(context.OutputRoot, table, source.Id, columns);
            var writer = writers[schema.Name];
            string? group = null;
            foreach (var row in rows.Where(r => r.Line > options.HeaderRow))
            {
                var label = index.TryGetValue(schema.Label, out var li) ? row.Cell(li) : "";
                var cells = options.WideYears
                    ? yearColumns.Where(y => row.Cell(y.i).Length > 0).Select(y => (Year: (int?)y.Year, Text: row.Cell(y.i), Column: header.Cell(y.i))).ToList()
                    : index.TryGetValue(schema.Measure, out var mi) && row.Cell(mi).Length > 0 ? [(null, row.Cell(mi), schema.Measure)] : [];
                if (cells.Count == 0)
                {
                    var isCountry = schema.Field(schema.Label).Kind == TableFieldKind.Country && countries.Find(label) is not null;
                    if (label.Length > 0 && !isCountry) { group = label; groupRows++; }
                    else blankRows++;
                    continue;
                }
                foreach (var (year, text, column) in cells)
                {
                    var (record, problem) = Read(row, year, text, column);
                    if (record is null)
                    {
                        quarantine.Add(new QuarantinedRow(data.Display, row.Line, problem!.Value.Column, problem.Value.Reason, string.Join(",", row.Cells)));
                        continue;
                    }
                    record.Group = group;
                    years.Add(record.Year);
                    await writer.WriteAsync(record, ct);
                    written++;
                }
            }
        }
        finally
        {
            foreach (var w in writers.Values) await w.DisposeAsync();
        }
        Log.Information("{Source}: {File} -> {Table}: {Rows:N0} rows, {Groups} group row(s), {Blank} blank row(s) skipped, {Quarantined} quarantined",
            source.Id, data.Display, schema.Name, written, groupRows, blankRows, quarantine.Count);
        await quarantine.FinishAsync(context.QuarantineRoot, source, written,
            $"no rows with a {schema.Measure} below the header (row {options.HeaderRow})", "Check header_row and columns.", data.Display, ct);
        return new NormalizeResult(written, quarantine.Count, years.ToList(), "", [data.Display]);

        int Column(string field, string reference)
        {
            var byName = header.Cells.Select((text, i) => (text, i)).Where(c => string.Equals(c.text, reference, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count > 0) return byName[0].i;
            if (TableSheet.ColumnIndex(reference) is { } letter) return letter;
            throw new PipelineException("normalize",
                $"options.columns.{field}: no column '{reference}' in the header (row {options.HeaderRow}: {string.Join(" | ", header.Cells.Where(c => c.Length > 0))})",
                "Name the column as the header writes it, or give its letter (A, B, ...).", source.Id, data.Display, options.HeaderRow, reference);
        }

        (TableRecord?, (string Column, string Reason)?) Read(TableRow row, int? wideYear, string measureText, string measureColumn)
        {
            var r = new TableRecord { File = data.Display, Line = row.Line };
            foreach (var f in schema.Fields)
            {
                string? text = f.Name == schema.Measure && options.WideYears ? measureText
                    : options.Constants.TryGetValue(f.Name, out var constant) ? constant
                    : index.TryGetValue(f.Name, out var i) ? row.Cell(i) : null;
                var column = f.Name == schema.Measure && options.WideYears ? measureColumn : f.Name;
                if (f.Name == "year" && wideYear is { } y) { r.Year = y; continue; }
                if (string.IsNullOrEmpty(text))
                {
                    if (f.Required) return (null, (column, $"{f.Name} is blank"));
                    continue;
                }
                r.Texts[f.Name] = text;
                switch (f.Kind)
                {
                    case TableFieldKind.Country:
                        if (countries.Find(text) is not { Iso3: { } iso3 })
                            return (null, (column, $"'{text}' is not a country of countries.csv (an ISO3 code, or its name in English or Spanish)"));
                        r.Iso3[f.Name] = iso3;
                        break;
                    case TableFieldKind.Year:
                        if (ParseYear(text) is not { } year) return (null, (column, $"'{text}' is not a year"));
                        r.Year = year;
                        break;
                    case TableFieldKind.Month:
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                            return (null, (column, $"'{text}' is not a month (1-12)"));
                        r.Month = month;
                        break;
                    case TableFieldKind.Number:
                        if (!double.TryParse(text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
                            return (null, (column, $"'{text}' is not a number"));
                        r.Numbers[f.Name] = n;
                        break;
                }
            }
            if (r.Text("product_code") is { } code)
            {
                if (code.Length is 2 or 4 or 6 && code.All(char.IsAsciiDigit) && (schema == TableSchema.FirmExports || code.Length == 6)) r.HsCode = code;
                else if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var item)) r.FaoItemCode = item;
                else return (null, ("product_code", $"'{code}' is neither an HS code (6 digits) nor an FAO item code"));
            }
            else if (r.Text("product") is { } product && items.FirstOrDefault(i => string.Equals(i.Item, product, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                r.FaoItemCode = known.ItemCode;
            }
            if (schema == TableSchema.FirmExports && r.HsCode is null)
                return (null, ("product_code", $"'{r.Text("product_code")}' is not an HS code of 2, 4 or 6 digits"));
            return (r, null);
        }
    }

    static int? ParseYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;
}
