using System.Globalization;
using System.Text;

namespace ClusterEtl.Transforms.Benchmarks;

/// <summary>
/// Writes a synthetic BACI yearly CSV of any size in the real layout (padded numbers, ~2% <c>NA</c>
/// quantities padded with spaces, 6-digit product codes with leading zeros) and the matching country-code
/// file, for benchmarks: each flow once, sorted by exporter, importer and product as CEPII writes them (see
/// <see cref="SyntheticRelease.SortedKeys"/>). Deterministic for a given row count.
/// </summary>
public static class SyntheticBaci
{
    /// <summary>Writes <c>BACI_HS17_Y2019_V202401b.csv</c> and <c>country_codes_V202401b.csv</c> into a folder.</summary>
    public static (string Data, string CountryCodes) Write(string dir, long rows)
    {
        Directory.CreateDirectory(dir);
        var codes = Enumerable.Range(1, 220).Select(i => i * 4).ToArray(); // 4, 8, ... 880
        var cc = Path.Combine(dir, "country_codes_V202401b.csv");
        using (var w = new StreamWriter(cc, false, new UTF8Encoding(true)))
        {
            w.Write("country_code,country_name,country_iso2,country_iso3\r\n");
            foreach (var c in codes) w.Write($"{c},Country {c},{Iso(c)[..2]},{Iso(c)}\r\n");
        }
        var products = Enumerable.Range(0, 5_000).Select(i => (10_121 + i * 197) % 999_999).Order().ToArray();
        var data = Path.Combine(dir, "BACI_HS17_Y2019_V202401b.csv");
        var random = new Random(20191);
        using (var w = new StreamWriter(data, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("t,i,j,k,v,q\n");
            var line = new StringBuilder(64);
            foreach (var key in SyntheticRelease.SortedKeys(rows, (long)codes.Length * codes.Length * products.Length))
            {
                var pair = key / products.Length;
                var v = random.NextDouble() * 5_000;
                line.Clear()
                    .Append("2019,").Append(codes[pair / codes.Length]).Append(',')
                    .Append(codes[pair % codes.Length]).Append(',')
                    .Append(products[key % products.Length].ToString("D6", CultureInfo.InvariantCulture)).Append(',')
                    .Append(v.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12)).Append(',')
                    .Append(random.Next(50) == 0 ? "NA".PadLeft(12)
                        : (v / (0.5 + random.NextDouble() * 10)).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12))
                    .Append('\n');
                w.Write(line);
            }
        }
        return (data, cc);
    }

    static string Iso(int code)
    {
        var a = (char)('A' + code % 26);
        var b = (char)('A' + code / 26 % 26);
        var c = (char)('A' + code / 676 % 26);
        return $"{c}{b}{a}";
    }
}
