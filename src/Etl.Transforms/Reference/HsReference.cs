using System.Globalization;
using ClusterEtl.Transforms.Kernel;
using CsvHelper;

namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// The whole HS nomenclature, every code of every edition (<c>pipelines/reference/hs_products.csv.gz</c>: hs_vintage,
/// code, description), beside the concordance between editions (<c>hs_concordance.csv.gz</c>, which the warehouse loads
/// as <c>ref.hs_concordance</c>). Both are generated from the public code lists by <c>pipelines/reference/make_reference.py</c>.
/// A plain <c>.csv</c> of the same name is read instead of the <c>.gz</c> when present.
/// </summary>
public sealed class HsReference
{
    public const string ProductsFile = "hs_products.csv";
    public const string ConcordanceFile = "hs_concordance.csv";

    readonly Dictionary<string, HashSet<string>> _codesByVintage = new(StringComparer.Ordinal);

    public IReadOnlyList<HsProduct> Products { get; }

    public HsReference(IReadOnlyList<HsProduct> products)
    {
        Products = products;
        foreach (var p in products)
        {
            if (!_codesByVintage.TryGetValue(p.HsVintage, out var set)) _codesByVintage[p.HsVintage] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(p.Code);
        }
    }

    /// <summary>Null when the products file is absent (codes are then only checked for their form).</summary>
    public static HsReference? LoadFrom(string pipelinesDir) =>
        ReferenceFiles.Find(pipelinesDir, ProductsFile) is { } products
            ? new HsReference(Read(products, ["hs_vintage", "code", "description"], r => new HsProduct(Vintage(r[0]), Code(r[1]), r[2])))
            : null;

    public bool IsKnown(string vintage, string code) => _codesByVintage.TryGetValue(vintage, out var set) && set.Contains(code);

    /// <summary>Vintages in which a code exists, for "did you mean another vintage?" messages.</summary>
    public IReadOnlyList<string> VintagesOf(string code) => HsVintages.All.Where(v => IsKnown(v, code)).ToList();

    /// <summary>The closest codes of the same length in the vintage (a 6-digit typo is compared with the ~5,000 subheadings only).</summary>
    public IReadOnlyList<string> Closest(string vintage, string code) =>
        TextDistance.Closest(code, _codesByVintage.TryGetValue(vintage, out var set) ? set.Where(c => c.Length == code.Length) : []);

    static string Vintage(string v) =>
        HsVintages.All.Contains(v) ? v : throw Bad($"'{v}' is not an HS vintage", "hs_vintage");

    static string Code(string c) =>
        c.Length is 2 or 4 or 6 && c.All(char.IsAsciiDigit) ? c : throw Bad($"'{c}' is not an HS code of 2, 4 or 6 digits", "code");

    static PipelineException Bad(string what, string column) =>
        new("validate", what, "Correct the reference file (or regenerate it with pipelines/reference/make_reference.py).", column: column);

    static List<T> Read<T>(string file, string[] columns, Func<string[], T> map)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(ReferenceFiles.Open(file), options, leaveOpen: false);
        var index = columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i
            : throw new PipelineException("validate", $"missing column '{c}'", "Correct the reference file's header.", file: file, line: 1, column: c)).ToArray();
        var result = new List<T>();
        var row = new string[index.Length];
        while (csv.Read())
        {
            try
            {
                for (var i = 0; i < index.Length; i++) row[i] = csv.GetString(index[i]);
                result.Add(map(row));
            }
            catch (PipelineException e)
            {
                throw new PipelineException("validate", e.What, e.Hint, file: file, line: csv.LineNumber, column: e.Column, inner: e);
            }
        }
        return result;
    }
}
