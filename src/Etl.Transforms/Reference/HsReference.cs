using System.Globalization;
using ClusterEtl.Transforms.Pipeline;
using CsvHelper;

namespace ClusterEtl.Transforms.Reference;

/// <summary>An HS code of one vintage (2, 4 or 6 digits) with its description.</summary>
public sealed record HsProduct(string HsVintage, string Code, string Description);

/// <summary>One code of a concordance group: the codes of a group in two vintages cover the same goods.</summary>
public sealed record HsConcordanceCode(string Group, string HsVintage, string Code);

/// <summary>
/// The HS codes our clusters use, per vintage (<c>pipelines/reference/hs_products.csv</c>: hs_vintage, code,
/// description), and the concordance of the subheadings among them that were split or merged between vintages
/// (<c>hs_concordance.csv</c>: group, hs_vintage, code — all codes of a group cover the same goods, e.g. HS92
/// 030212 and HS12 030213 + 030214). Our compilation from the WCO nomenclatures and correlation tables; add the
/// codes of a new cluster's products there.
/// </summary>
public sealed class HsReference
{
    public const string ProductsFile = "hs_products.csv";
    public const string ConcordanceFile = "hs_concordance.csv";

    public required IReadOnlyList<HsProduct> Products { get; init; }
    public required IReadOnlyList<HsConcordanceCode> Concordance { get; init; }

    /// <summary>Null when the products file is absent (codes are then only checked for their form).</summary>
    public static HsReference? LoadFrom(string pipelinesDir)
    {
        var products = Path.Combine(pipelinesDir, "reference", ProductsFile);
        if (!File.Exists(products)) return null;
        var concordance = Path.Combine(pipelinesDir, "reference", ConcordanceFile);
        return new HsReference
        {
            Products = Read(products, ["hs_vintage", "code", "description"], r => new HsProduct(Vintage(r[0]), Code(r[1]), r[2])),
            Concordance = File.Exists(concordance)
                ? Read(concordance, ["group", "hs_vintage", "code"], r => new HsConcordanceCode(r[0], Vintage(r[1]), Code(r[2])))
                : [],
        };
    }

    public bool IsKnown(string vintage, string code) => Products.Any(p => p.HsVintage == vintage && p.Code == code);

    /// <summary>Vintages in which a code exists, for "did you mean another vintage?" messages.</summary>
    public IReadOnlyList<string> VintagesOf(string code) => Products.Where(p => p.Code == code).Select(p => p.HsVintage).ToList();

    public IReadOnlyList<string> Closest(string vintage, string code) =>
        TextDistance.Closest(code, Products.Where(p => p.HsVintage == vintage).Select(p => p.Code).Distinct());

    /// <summary>The codes of a code's heading (its first 4 digits) in a vintage, with their descriptions: "030211 Trout".</summary>
    public IReadOnlyList<string> InHeading(string vintage, string code) =>
        code.Length < 4 ? [] : Products.Where(p => p.HsVintage == vintage && p.Code.Length > 4 && p.Code.StartsWith(code[..4], StringComparison.Ordinal))
            .OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => $"{p.Code} {p.Description}").Distinct().ToList();

    static string Vintage(string v) =>
        HsVintages.All.Contains(v) ? v : throw Bad($"'{v}' is not an HS vintage", "hs_vintage");

    static string Code(string c) =>
        c.Length is 2 or 4 or 6 && c.All(char.IsAsciiDigit) ? c : throw Bad($"'{c}' is not an HS code of 2, 4 or 6 digits", "code");

    static PipelineException Bad(string what, string column) =>
        new("validate", what, "Correct the reference file.", column: column);

    static List<T> Read<T>(string file, string[] columns, Func<string[], T> map)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(File.OpenRead(file), options, leaveOpen: false);
        var index = columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i
            : throw new PipelineException("validate", $"missing column '{c}'", "Correct the reference file's header.", file: file, line: 1, column: c)).ToArray();
        var result = new List<T>();
        while (csv.Read())
        {
            try
            {
                result.Add(map(index.Select(i => csv.GetString(i)).ToArray()));
            }
            catch (PipelineException e)
            {
                throw new PipelineException("validate", e.What, e.Hint, file: file, line: csv.LineNumber, column: e.Column, inner: e);
            }
        }
        return result;
    }
}
