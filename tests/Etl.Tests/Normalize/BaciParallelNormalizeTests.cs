using System.Globalization;
using System.Text;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Tests.Normalize;

/// <summary>
/// A BACI normalize gives the same files, byte for byte, and the same result whatever its number of threads: several
/// yearly files read at once, one file parsed by several workers, Parquet written in the background.
/// </summary>
public sealed class BaciParallelNormalizeTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static SourceDefinition Source(string location) =>
        new("baci_par", "baci", location, "pipelines/sources/baci_par.json", FetchOptions.Default, 1.0, new BaciOptions(null, null));

    /// <summary>A yearly file's rows (header excluded) and the quarantine rows they must give, with their lines.</summary>
    sealed record YearFile(string Text, List<object?[]> Bad);

    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="year"/> in the real layout (padded numbers, NA quantities, codes
    /// that lost their leading zero), with a bad row every so often, and one quoted field over two lines, so that line
    /// numbers differ from record numbers after it.
    /// </summary>
    static YearFile Rows(int year, int rows, string display, int seed)
    {
        var random = new Random(seed);
        int[] codes = [152, 392, 490, 579, 842];
        var text = new StringBuilder();
        var bad = new List<object?[]>();
        var line = 2L; // line 1 is the header
        for (var n = 0; n < rows; n++)
        {
            string record;
            string? column = null, reason = null;
            switch (n % 9_973)
            {
                case 17:
                    record = $"{year},152,842,030212,abc,1.000";
                    (column, reason) = ("v", "'abc' is not a trade value (thousand USD, a number >= 0)");
                    break;
                case 400:
                    record = $"{year},999,842,030212,1.000,1.000";
                    (column, reason) = ("i", "exporter code 999 is not in the country-code file");
                    break;
                case 5_000:
                    record = $"{year},152,842,030212,1.000";
                    reason = "expected 6 fields (t,i,j,k,v,q), found 5";
                    break;
                case 7_000:
                    record = $"{year},152,842,\"0302\n12\",1.000,1.000";
                    (column, reason) = ("k", "'0302\n12' is not an HS6 product code");
                    break;
                default:
                    var v = random.NextDouble() * 5_000;
                    record = string.Join(',', year, codes[random.Next(codes.Length)], codes[random.Next(codes.Length)],
                        // Each flow once (as in a release), spread over the codes: a distinct product for every record
                        // of the file and seed (11 is prime to 989,990, and seeds are 500,000 records apart).
                        (10_000 + (n + seed * 500_000L) * 11 % 989_990).ToString(random.Next(3) == 0 ? "D" : "D6", CultureInfo.InvariantCulture),
                        v.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12),
                        random.Next(40) == 0 ? "NA".PadLeft(12) : (v / 3).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12));
                    break;
            }
            if (reason is not null) bad.Add([display, line, column, reason, record]);
            text.Append(record).Append('\n');
            line += 1 + record.Count(c => c == '\n');
        }
        return new YearFile(text.ToString(), bad);
    }

    string WriteZip(string name, params (string Entry, YearFile File)[] files) => WriteZip(name, "t,i,j,k,v,q\n", files);

    string WriteZip(string name, string header, params (string Entry, YearFile File)[] files)
    {
        var entries = files.ToDictionary(f => f.Entry, f => header + f.File.Text);
        entries["country_codes_V202201.csv"] = BaciZip.CountryCodes;
        return BaciZip.Write(_dir.Combine(name), entries);
    }

    async Task<(NormalizeResult Result, string Out)> NormalizeAsync(string zip, int threads, string run = "")
    {
        var root = _dir.Combine($"{run}threads-{threads}");
        var result = await new BaciNormalizer().NormalizeAsync(Source(zip), zip, "raw/" + Path.GetFileName(zip), null, "e1",
            Path.Combine(root, "out"), Path.Combine(root, "quarantine"), CancellationToken.None, threads: threads);
        return (result, root);
    }

    /// <summary>Every file under <paramref name="root"/>, by relative path, with its bytes.</summary>
    static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    static void AssertSame((NormalizeResult Result, string Out) expected, (NormalizeResult Result, string Out) actual)
    {
        Assert.Equal(expected.Result.Rows, actual.Result.Rows);
        Assert.Equal(expected.Result.Quarantined, actual.Result.Quarantined);
        Assert.Equal(expected.Result.Years, actual.Result.Years);
        Assert.Equal(expected.Result.Files, actual.Result.Files);
        Assert.Equal(expected.Result.Vintage, actual.Result.Vintage);
        Assert.Equal(expected.Result.OutsideYears, actual.Result.OutsideYears);
        var want = Files(expected.Out);
        var got = Files(actual.Out);
        Assert.Equal(want.Keys, got.Keys);
        foreach (var (path, bytes) in want) Assert.True(bytes.AsSpan().SequenceEqual(got[path]), $"{path} differs");
    }

    List<object?[]> Quarantine(string root) => Duck.Query(null, $"""
        SELECT file, line, "column", reason, raw_record
        FROM read_parquet('{Path.Combine(root, "quarantine", "*", "quarantine.parquet")}')
        """);

    [Fact]
    public async Task A_multi_year_release_gives_the_same_files_and_result_with_one_two_or_four_threads()
    {
        // Three yearly files; 2002 spans three row groups of 65,536 rows.
        var y2001 = Rows(2001, 20_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2001_V202201.csv", 1);
        var y2002 = Rows(2002, 150_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2002_V202201.csv", 2);
        var y2003 = Rows(2003, 30_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2003_V202201.csv", 3);
        var zip = WriteZip("BACI_HS92_V202201.zip", ("BACI_HS92_Y2001_V202201.csv", y2001),
            ("BACI_HS92_Y2002_V202201.csv", y2002), ("BACI_HS92_Y2003_V202201.csv", y2003));

        var one = await NormalizeAsync(zip, threads: 1);
        var two = await NormalizeAsync(zip, threads: 2);
        var four = await NormalizeAsync(zip, threads: 4);

        AssertSame(one, two);
        AssertSame(one, four);
        Assert.Equal([2001, 2002, 2003], one.Result.Years);
        List<object?[]> bad = [.. y2001.Bad, .. y2002.Bad, .. y2003.Bad];
        Assert.Equal(bad.Count, one.Result.Quarantined);
        Assert.Equal(200_000 - bad.Count, one.Result.Rows);
        // Quarantine rows in file and line order, lines counted across the quoted line break.
        Assert.Equal(bad, Quarantine(two.Out));
        var groups = Duck.Query(null, $"""
            SELECT row_group_num_rows FROM parquet_metadata('{Path.Combine(two.Out, "out", "trade_flows", "source=baci_par", "year=2002", "part-0.parquet")}')
            GROUP BY row_group_id, row_group_num_rows ORDER BY row_group_id
            """).Select(r => Convert.ToInt64(r[0])).ToList();
        Assert.Equal([65_536L, 65_536L, 150_000L - y2002.Bad.Count - 2 * 65_536L], groups);
    }

    [Fact]
    public async Task One_big_file_parsed_by_several_workers_gives_the_same_files_and_quarantine_lines()
    {
        var y2005 = Rows(2005, 160_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2005_V202201.csv", 5);
        var zip = WriteZip("BACI_HS92_V202201.zip", ("BACI_HS92_Y2005_V202201.csv", y2005));

        var one = await NormalizeAsync(zip, threads: 1);
        var two = await NormalizeAsync(zip, threads: 2);
        var three = await NormalizeAsync(zip, threads: 3);

        AssertSame(one, two);
        AssertSame(one, three);
        Assert.Equal(y2005.Bad, Quarantine(three.Out));
        // Rows keep the file's order: the first flow of the file is the first row of the file.
        var first = y2005.Text.Split('\n')[0].Split(',');
        Assert.Equal(first[4].Trim(), ((double)Duck.Scalar(null, $"""
            SELECT value_usd / 1000 FROM read_parquet('{Path.Combine(three.Out, "out", "trade_flows", "*", "*", "*.parquet")}') LIMIT 1
            """)!).ToString("0.000", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Files_sharing_a_year_are_read_one_at_a_time_and_give_the_same_files()
    {
        // Both files hold 2001 rows: a year file has one writer, so the files cannot be read at once.
        var a = Rows(2001, 70_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2001_V202201.csv", 7);
        var b = Rows(2001, 10_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2001b_V202201.csv", 8);
        var zip = WriteZip("BACI_HS92_V202201.zip", ("BACI_HS92_Y2001_V202201.csv", a), ("BACI_HS92_Y2001b_V202201.csv", b));

        var one = await NormalizeAsync(zip, threads: 1);
        var two = await NormalizeAsync(zip, threads: 2);

        AssertSame(one, two);
        Assert.Equal([2001], one.Result.Years);
        Assert.Equal(80_000 - a.Bad.Count - b.Bad.Count, one.Result.Rows);
        Assert.Equal([.. a.Bad, .. b.Bad], Quarantine(two.Out));
    }

    [Fact]
    public async Task Lines_read_by_the_scanner_give_the_same_files_as_CsvHelper_reading_the_whole_file()
    {
        // The scanner reads up to the quoted line break of record 7,000 (bad rows before it read one by one), then
        // CsvHelper the rest; a quoted header leaves the whole file to CsvHelper. Same records, same lines.
        var y2006 = Rows(2006, 70_000, "raw/BACI_HS92_V202201.zip!BACI_HS92_Y2006_V202201.csv", 6);
        var scanned = WriteZip(Path.Combine("scanned", "BACI_HS92_V202201.zip"), ("BACI_HS92_Y2006_V202201.csv", y2006));
        var quoted = WriteZip(Path.Combine("quoted", "BACI_HS92_V202201.zip"), "\"t\",\"i\",\"j\",\"k\",\"v\",\"q\"\n",
            ("BACI_HS92_Y2006_V202201.csv", y2006));

        var csvHelper = await NormalizeAsync(quoted, threads: 1, "quoted-");
        var one = await NormalizeAsync(scanned, threads: 1, "scanned-");
        var two = await NormalizeAsync(scanned, threads: 2, "scanned-");

        AssertSame(csvHelper, one);
        AssertSame(csvHelper, two);
        Assert.Equal(70_000 - y2006.Bad.Count, one.Result.Rows);
        Assert.Equal(y2006.Bad, Quarantine(two.Out));
        Assert.Equal(y2006.Bad, Quarantine(csvHelper.Out));
    }
}
