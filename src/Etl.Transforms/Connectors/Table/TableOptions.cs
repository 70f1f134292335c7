namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// Options of a <c>table</c> source: which lake table it fills, where the table lies in the file (sheet, header row), which
/// column holds each field (by header text or column letter), fixed values for the fields the file does not hold, and
/// whether the years are columns (wide: 1990, 1991, … unpivoted into one row per cell).
/// </summary>
/// <param name="Sheet">XLSX sheet name; null: the first sheet.</param>
/// <param name="HeaderRow">1-based row of the header in the sheet or CSV.</param>
/// <param name="Columns">Field -> header text or column letter (A, B, … AA).</param>
/// <param name="Constants">Field -> value for every row (unit, currency, a product, a country).</param>
/// <param name="WideYears">Every header cell that is a year is a column of the table's measure for that year.</param>
public sealed record TableOptions(TableSchema Table, string? Sheet, int HeaderRow, IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> Constants, bool WideYears);
