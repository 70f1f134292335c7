using System.IO.Compression;
using System.Text;

namespace ClusterEtl.Tests.Support;

/// <summary>Writes small BACI release zips in the real layout for tests.</summary>
public static class BaciZip
{
    /// <summary>V2022 country-code file: UTF-8 BOM, CRLF, quoted names with commas, 490 without ISO3.</summary>
    public const string CountryCodes =
        "\uFEFFcountry_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\r\n" +
        "152,Chile,Chile,CL,CHL\r\n" +
        "392,Japan,Japan,JP,JPN\r\n" +
        "490,\"Other Asia, nes\",\"Other Asia, not elsewhere specified\",N/A,N/A\r\n" +
        "579,Norway,\"Norway, Svalbard and Jan Mayen\",NO,NOR\r\n" +
        "842,USA,\"USA, Puerto Rico and US Virgin Islands\",US,USA\r\n";

    public static string Write(string path, IReadOnlyDictionary<string, string> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            var e = zip.CreateEntry(name);
            using var s = e.Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    /// <summary>A zip with one yearly data file (given rows, header added) and the country codes above.</summary>
    public static string WriteRelease(string path, int year, string rows) =>
        Write(path, new Dictionary<string, string>
        {
            [$"BACI_HS92_Y{year}_V202201.csv"] = "t,i,j,k,v,q\n" + rows,
            ["country_codes_V202201.csv"] = CountryCodes,
        });
}
