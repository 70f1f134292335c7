using System.Globalization;
using CsvHelper;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// FAO items and their CPC and HS codes, read from FAOSTAT's "Definitions and standards - Item" download
/// (<c>"Domain Code","Domain","Item Code","Item","Description","CPC Code","HS Code","HS07 Code","HS12 Code"</c>, UTF-8 with
/// BOM, every field quoted, HS lists comma-separated). The bundled <c>pipelines/reference/fao_items.csv</c> has the
/// items our clusters use in that layout; replace it with FAOSTAT's full download to refresh the concordance.
/// </summary>
public static class FaoItemReference
{
    public const string FileName = "fao_items.csv";
    static readonly (string Column, string Vintage)[] HsColumns = [("HS Code", "HS"), ("HS07 Code", "HS07"), ("HS12 Code", "HS12")];

    public static string PathIn(string pipelinesDir) => Path.Combine(pipelinesDir, "reference", FileName);

    public static IReadOnlyList<FaoItemCode> Load(string file)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true,
            FormatProvider = CultureInfo.InvariantCulture,
            NormalizeHeaderName = n => n.Trim('\uFEFF', ' ', '"'),
        };
        using var csv = CsvReader.Create(File.OpenRead(file), options, leaveOpen: false);
        foreach (var c in new[] { "Item Code", "Item", "CPC Code" }.Concat(HsColumns.Select(h => h.Column)))
            if (!csv.TryGetFieldIndex(c, out _))
                throw new PipelineException("validate", $"missing column '{c}' (is this FAOSTAT's Definitions and standards - Item download?)",
                    "Download the item definitions from FAOSTAT again.", file: file, line: 1, column: c);

        var seen = new HashSet<int>();
        var result = new List<FaoItemCode>();
        while (csv.Read())
        {
            var text = csv.GetString("Item Code").Trim('\'');
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var item))
            {
                // Aggregates and groups carry codes such as F1712 or 'S2511: they map to no HS code.
                continue;
            }
            if (!seen.Add(item)) continue; // the same item is listed once per domain
            var name = csv.GetString("Item");
            var cpc = csv.GetString("CPC Code").Trim('\'');
            result.Add(new FaoItemCode(item, name, cpc, null, null));
            foreach (var (column, vintage) in HsColumns)
                foreach (var hs in csv.GetString(column).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    result.Add(new FaoItemCode(item, name, cpc, vintage, hs.Trim('\'')));
        }
        return result;
    }
}
