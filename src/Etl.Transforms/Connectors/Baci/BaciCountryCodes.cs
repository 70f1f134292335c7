using System.Globalization;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using CsvHelper;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Reads a BACI country-code file in either published layout:
/// V2022 <c>country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha</c> or
/// V2024 <c>country_code,country_name,country_iso2,country_iso3</c> (UTF-8 with BOM, CRLF, quoted names).
/// </summary>
public static class BaciCountryCodes
{
    public static IReadOnlyDictionary<int, BaciCountry> Read(Stream stream, string displayName, string sourceId)
    {
        using var csv = CsvReader.Create(stream, CsvDefaults.Options, leaveOpen: false);
        var code = Column(csv, displayName, sourceId, "country_code");
        var iso3 = csv.TryGetFieldIndex("iso_3digit_alpha", out var i3) ? i3 : Column(csv, displayName, sourceId, "country_iso3");
        var name = csv.TryGetFieldIndex("country_name_abbreviation", out var n1) ? n1
            : csv.TryGetFieldIndex("country_name", out var n2) ? n2 : -1;

        var result = new Dictionary<int, BaciCountry>();
        while (csv.Read())
        {
            if (!csv.TryParse<int>(code, out var c))
                throw new PipelineException("normalize", $"country_code '{csv.GetString(code)}' is not a number",
                    "Check that the file is a BACI country-code list.", sourceId, displayName, csv.LineNumber, "country_code");
            var iso = csv.GetString(iso3).Trim().ToUpperInvariant();
            result[c] = new BaciCountry(c, c.ToString(CultureInfo.InvariantCulture),
                iso.Length == 3 && iso.All(char.IsAsciiLetterUpper) ? iso : null,
                name >= 0 ? csv.GetString(name) : iso);
        }
        if (result.Count == 0)
            throw new PipelineException("normalize", "the country-code file has no rows",
                "Use the country_codes_V*.csv of the same BACI release.", sourceId, displayName);
        return result;
    }

    static int Column(CsvReader csv, string file, string sourceId, string name)
    {
        if (csv.TryGetFieldIndex(name, out var index)) return index;
        throw new PipelineException("normalize",
            $"missing column '{name}' in the country-code header ({string.Join(",", csv.Headers)})",
            "Use the country_codes_V*.csv of the same BACI release.", sourceId, file, 1, name);
    }
}
