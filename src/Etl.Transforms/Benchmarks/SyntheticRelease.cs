using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Benchmarks;

/// <summary>
/// Writes a BACI-shaped release for the end-to-end benchmark: one yearly CSV per year in the real layout
/// (<c>t,i,j,k,v,q</c>, padded numbers, ~2% <c>NA</c> quantities), with the real BACI country codes (from
/// <c>pipelines/reference/countries.csv</c>, written as a V2022 country-code file) and 5,000 HS92 products: the bundled
/// clusters' codes among synthetic others. Each (exporter, importer, product) appears once per year and rows are sorted
/// by exporter, importer and product, as in CEPII's files. Deterministic for a given year, row count and variant (another
/// variant revises the values).
/// </summary>
public static class SyntheticRelease
{
    public const string CountryCodesFile = "country_codes_V202401.csv";

    public static string DataFile(int year) => $"BACI_HS92_Y{year}_V202401.csv";

    /// <summary>Writes the country-code file (once) and the yearly file of <paramref name="year"/>; returns its path.</summary>
    public static string WriteYear(string dir, string pipelinesDir, int year, long rows, int variant = 0)
    {
        Directory.CreateDirectory(dir);
        var countries = CountryReference.Load(CountryReference.PathIn(pipelinesDir)).Countries
            .Where(c => c is { BaciCode: not null, Iso3: not null } && c.IsCurrent)
            .GroupBy(c => c.BaciCode!.Value).Select(g => g.First()).OrderBy(c => c.BaciCode).ToList();
        var cc = Path.Combine(dir, CountryCodesFile);
        if (!File.Exists(cc))
        {
            using var w = new StreamWriter(cc, false, new UTF8Encoding(true));
            w.Write("country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\r\n");
            foreach (var c in countries)
                w.Write($"{c.BaciCode},\"{c.NameEn}\",\"{c.NameEn}\",{c.Iso2 ?? "N/A"},{c.Iso3}\r\n");
        }
        var products = Products(pipelinesDir);
        var codes = countries.Select(c => c.BaciCode!.Value).ToArray();
        var keys = (long)codes.Length * codes.Length * products.Length;
        if (rows > keys) throw new ArgumentOutOfRangeException(nameof(rows), $"at most {keys:N0} distinct flows per year");
        // A key is (exporter, importer, product) in that order of significance, so sorted keys are sorted flows.
        var sorted = SortedKeys(rows, keys);
        var path = Path.Combine(dir, DataFile(year));
        var random = new Random(year * 31 + variant);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var at = 0;
        Put("t,i,j,k,v,q\n");
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        foreach (var key in sorted)
        {
            var product = products[key % products.Length];
            var pair = key / products.Length;
            var importer = codes[pair % codes.Length];
            var exporter = codes[pair / codes.Length];
            var v = random.NextDouble() * random.NextDouble() * 20_000;
            if (at > buffer.Length - 128) Flush();
            Put(yearText);
            Put(",");
            Int(exporter);
            Put(",");
            Int(importer);
            Put(",");
            Put(product);
            Put(",");
            Number(v, 12);
            Put(",");
            if (random.Next(50) == 0) Put("          NA");
            else Number(v / (0.5 + random.NextDouble() * 10), 12);
            Put("\n");
        }
        Flush();
        return path;

        void Put(string s) => at += Encoding.ASCII.GetBytes(s, buffer.AsSpan(at));
        void Int(int i)
        {
            i.TryFormat(buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture);
            at += written;
        }
        void Number(double d, int width)
        {
            Span<byte> tmp = stackalloc byte[32];
            d.TryFormat(tmp, out var written, "0.000", CultureInfo.InvariantCulture);
            for (var pad = written; pad < width; pad++) buffer[at++] = (byte)' ';
            tmp[..written].CopyTo(buffer.AsSpan(at));
            at += written;
        }
        void Flush()
        {
            stream.Write(buffer, 0, at);
            at = 0;
        }
    }

    /// <summary>5,000 HS92 six-digit codes: the clusters' (from the reference) first, then synthetic ones in every chapter.</summary>
    static string[] Products(string pipelinesDir)
    {
        var real = (HsReference.LoadFrom(pipelinesDir)?.Products ?? [])
            .Where(p => p.HsVintage == "HS92" && p.Code.Length == 6).Select(p => p.Code).Distinct().Order(StringComparer.Ordinal);
        var synthetic = Enumerable.Range(0, 20_000).Select(i => $"{1 + i % 97:D2}{i / 97 % 100:D2}{10 + i % 89:D2}");
        return real.Concat(synthetic).Distinct().Take(5_000).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// <paramref name="rows"/> distinct keys below <paramref name="keys"/>, spread over the whole range, in ascending order:
    /// n -> n * step mod keys visits distinct keys when step is prime to keys.
    /// </summary>
    public static long[] SortedKeys(long rows, long keys)
    {
        var step = Enumerable.Range(0, 1000).Select(i => 2_654_435_761L + i).First(s => Gcd(s, keys) == 1);
        var sorted = new long[rows];
        for (long n = 0; n < rows; n++) sorted[n] = (long)((UInt128)(ulong)n * (ulong)step % (ulong)keys);
        Array.Sort(sorted);
        return sorted;
    }

    static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
