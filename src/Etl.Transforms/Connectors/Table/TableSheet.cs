using System.Globalization;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using MiniExcelLibs;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// Reads a user's table, every row with its number: an XLSX sheet (MiniExcel, streamed; numbers as written by Excel, e.g.
/// 69.523) or a CSV (UTF-8 or Latin-1/Windows-1252, detected). Recognised from the content (an XLSX file is a zip).
/// </summary>
public static class TableSheet
{
    public static IReadOnlyList<TableRow> Read(string path, string display, string? sheet, string sourceId)
    {
        if (IsZip(path)) return ReadXlsx(path, display, sheet, sourceId);
        if (sheet is not null)
            throw new PipelineException("normalize", $"options.sheet '{sheet}' is set but the file is a CSV", "Remove 'sheet' or point at the workbook.", sourceId, display);
        return ReadCsv(path);
    }

    /// <summary>The 0-based index of a column letter (A = 0, Z = 25, AA = 26); null when the text is not one.</summary>
    public static int? ColumnIndex(string letters)
    {
        if (letters.Length is 0 or > 3 || !letters.All(char.IsAsciiLetterUpper)) return null;
        var index = 0;
        foreach (var ch in letters) index = index * 26 + (ch - 'A' + 1);
        return index - 1;
    }

    static bool IsZip(string path)
    {
        using var s = File.OpenRead(path);
        return s.ReadByte() == 'P' && s.ReadByte() == 'K';
    }

    static List<TableRow> ReadXlsx(string path, string display, string? sheet, string sourceId)
    {
        var sheets = MiniExcel.GetSheetNames(path);
        if (sheet is not null && !sheets.Contains(sheet))
            throw new PipelineException("normalize", $"no sheet '{sheet}' in the workbook (sheets: {string.Join(", ", sheets)})",
                "Correct options.sheet.", sourceId, display);
        var rows = new List<TableRow>();
        var line = 0L;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet ?? sheets[0]))
        {
            line++;
            var cells = new List<string>();
            foreach (var (letters, value) in row)
            {
                if (ColumnIndex(letters) is not { } i) continue;
                while (cells.Count <= i) cells.Add("");
                cells[i] = value switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? "",
                };
                cells[i] = cells[i].Trim();
            }
            rows.Add(new TableRow(line, cells));
        }
        return rows;
    }

    static List<TableRow> ReadCsv(string path)
    {
        using var csv = CsvDefaults.Open(() => File.OpenRead(path), hasHeader: false,
            TextEncodings.Detect(() => File.OpenRead(path), TextEncodings.Windows1252));
        var rows = new List<TableRow>();
        while (csv.Read())
            rows.Add(new TableRow(csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToList()));
        return rows;
    }
}
