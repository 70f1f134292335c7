using System.Globalization;
using ClusterEtl.Transforms.Kernel;
using CsvHelper;

namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// The country reference, our own compilation from the public code lists (ISO 3166, UN M49, FAOSTAT area
/// codes, UN Comtrade and CEPII BACI country codes), shipped as <c>pipelines/reference/countries.csv</c>.
/// FAO area codes of 5000 and above are aggregates by rule, whether listed or not.
/// </summary>
public sealed class CountryReference
{
    public const string FileName = "countries.csv";
    static readonly string[] Columns =
        ["entity", "iso3", "iso2", "m49", "fao_code", "comtrade_code", "baci_code", "name_en", "name_es", "valid_from", "valid_to", "kind", "note"];

    public required string File { get; init; }
    public required IReadOnlyList<Country> Countries { get; init; }

    public static string PathIn(string pipelinesDir) => System.IO.Path.Combine(pipelinesDir, "reference", FileName);

    public static CountryReference Load(string file)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(System.IO.File.OpenRead(file), options, leaveOpen: false);
        foreach (var c in Columns)
            if (!csv.TryGetFieldIndex(c, out _))
                throw new PipelineException("validate", $"missing column '{c}'", "Restore the reference file's header.", file: file, line: 1, column: c);
        var list = new List<Country>();
        while (csv.Read())
        {
            string? Text(string c) => csv.GetString(c) is { Length: > 0 } s ? s : null;
            int? Number(string c)
            {
                var s = Text(c);
                if (s is null) return null;
                return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                    : throw new PipelineException("validate", $"'{s}' is not a whole number", "Fix the reference file.", file: file,
                        line: csv.LineNumber, column: c);
            }
            var kind = Text("kind") ?? "";
            if (!Country.Kinds.Contains(kind))
                throw new PipelineException("validate", $"kind '{kind}' is not one of {string.Join(", ", Country.Kinds)}",
                    "Fix the reference file.", file: file, line: csv.LineNumber, column: "kind");
            list.Add(new Country(Text("entity") ?? throw new PipelineException("validate", "entity is empty", "Fix the reference file.",
                    file: file, line: csv.LineNumber, column: "entity"),
                Text("iso3"), Text("iso2"), Text("m49"), Number("fao_code"), Number("comtrade_code"), Number("baci_code"),
                Text("name_en") ?? "", Text("name_es") ?? "", Number("valid_from"), Number("valid_to"), kind, Text("note")));
        }
        CheckUnique(file, list, c => c.Entity, "entity");
        CheckUnique(file, list, c => c.FaoCode?.ToString(CultureInfo.InvariantCulture), "fao_code");
        CheckUnique(file, list, c => c.ComtradeCode?.ToString(CultureInfo.InvariantCulture), "comtrade_code");
        CheckUnique(file, list, c => c.BaciCode?.ToString(CultureInfo.InvariantCulture), "baci_code");
        return new CountryReference { File = file, Countries = list };
    }

    static void CheckUnique(string file, List<Country> list, Func<Country, string?> key, string column)
    {
        var dup = list.Select(key).Where(k => k is not null).GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new PipelineException("validate", $"{column} {dup.Key} appears twice", "Each code may stand for one entity.", file: file, column: column);
    }

    /// <summary>Current countries and territories with this ISO3.</summary>
    public bool IsKnownIso3(string iso3) => Countries.Any(c => c.Iso3 == iso3 && c.IsCurrent);

    /// <summary>Known ISO3 codes closest to a mistyped one, for error messages.</summary>
    /// <summary>
    /// The current countries closest to a code that is not one, as "ISO3 name": by edit distance to their ISO3 code or to
    /// their English or Spanish name, so a code made from the name (PRU) finds the country (PER Peru); at equal distance a
    /// name match comes first.
    /// </summary>
    public IReadOnlyList<string> ClosestIso3(string text, int count = 3)
    {
        var t = text.Trim();
        return Countries.Where(c => c.IsCurrent && c.Iso3 is not null)
            .Select(c => (Country: c, Code: TextDistance.Between(t.ToUpperInvariant(), c.Iso3!),
                Name: Math.Min(TextDistance.Between(t, c.NameEn), TextDistance.Between(t, c.NameEs))))
            .OrderBy(x => Math.Min(x.Code, x.Name)).ThenBy(x => x.Name <= x.Code ? 0 : 1).ThenBy(x => x.Country.Iso3, StringComparer.Ordinal)
            .Select(x => $"{x.Country.Iso3} {x.Country.NameEn}").Distinct().Take(count).ToList();
    }

    public Country? ByBaciCode(int code) => Countries.FirstOrDefault(c => c.BaciCode == code);
    public Country? ByComtradeCode(int code) => Countries.FirstOrDefault(c => c.ComtradeCode == code);
    public Country? ByM49(string m49) => Countries.FirstOrDefault(c => c.M49 == m49.PadLeft(3, '0'));

    /// <summary>The entity of an FAO area code; codes of 5000 and above are aggregates even when not listed.</summary>
    public Country? ByFaoCode(int code) =>
        Countries.FirstOrDefault(c => c.FaoCode == code)
        ?? (code >= 5000 ? new Country($"FAO{code}", null, null, null, code, null, null, $"FAO aggregate {code}", $"Agregado FAO {code}", null, null, "aggregate", null) : null);

}
