using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Normalize;

public sealed class BaciNormalizerTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static SourceDefinition Source(string location, double maxQuarantine = 0.01, string? vintage = null) =>
        new("baci_test", "baci", location, "pipelines/sources/baci_test.json", FetchOptions.Default, maxQuarantine,
            new BaciOptions(null, vintage), MaxQuarantineYearShare: maxQuarantine, MaxQuarantineValueShare: maxQuarantine);

    Task<NormalizeResult> Normalize(string zip, SourceDefinition source) =>
        new BaciNormalizer().NormalizeAsync(source, zip, "raw/baci_test/x/" + Path.GetFileName(zip), null, "extract123",
            _dir.Combine("out"), _dir.Combine("quarantine"), CancellationToken.None);

    string FlowsGlob => _dir.Combine("out", "trade_flows", "*", "*", "*.parquet");

    [Fact]
    public async Task Reads_the_real_layout_quirks_into_typed_columns()
    {
        // Padded numbers, NA quantity padded with spaces, a product code that lost its leading zero,
        // and BACI's 490 "Other Asia, nes" which has no ISO3.
        var zip = BaciZip.WriteRelease(_dir.Combine("BACI_HS92_V202201.zip"), 2001,
            "2001,152,842,030212,     100.000,      20.000\n" +
            "2001,152,392,30322,      50.500,         NA\n" +
            "2001,490,842,030212,      10.000,       2.000\n");

        var result = await Normalize(zip, Source(zip));

        Assert.Equal(3, result.Rows);
        Assert.Equal(0, result.Quarantined);
        Assert.Equal("HS92", result.Vintage); // from the file names
        Assert.Equal([2001], result.Years);
        var rows = Duck.Query(null, $"""
            SELECT reporter_code, reporter_iso3, partner_iso3, product_code, value_usd, quantity_kg, hs_vintage, year::INTEGER, extract_id
            FROM read_parquet('{FlowsGlob}', hive_partitioning = true) ORDER BY value_usd DESC
            """);
        // v is thousand USD: 100.000 -> 100,000 USD; q is tonnes: 20.000 -> 20,000 kg.
        Assert.Equal(["152", "CHL", "USA", "030212", 100_000.0, 20_000.0, "HS92", 2001, "extract123"], rows[0]);
        // 50.500 thousand USD -> 50,500 USD; "30322" padded back to "030322"; NA -> NULL.
        Assert.Equal(["152", "CHL", "JPN", "030322", 50_500.0, null, "HS92", 2001, "extract123"], rows[1]);
        // 490 keeps its code and gets no ISO3.
        Assert.Equal(["490", null, "USA", "030212", 10_000.0, 2_000.0, "HS92", 2001, "extract123"], rows[2]);
        Assert.True(File.Exists(_dir.Combine("out", "trade_flows", "source=baci_test", "year=2001", "part-0.parquet")));
    }

    [RequiresSharedFact]
    public async Task Codes_842_251_757_and_padded_NA_quantities_land_with_the_right_ISO3_through_the_real_code_file()
    {
        // BACI's own codes are not ISO numeric for these three: 842 USA (ISO 840), 251 France (250), 757 Switzerland (756).
        var csv = _dir.Write("BACI_HS92_Y2001_V202201.csv",
            "t,i,j,k,v,q\n" +
            "2001,842,251,080440,   12.000,         NA\n" +
            "2001,251,757,040690,    3.250,      1.000\n" +
            "2001,757,842,090111,    0.500,         NA\n");
        var cc = Repo.SharedFile("data", "real", "baci", "country_codes.csv");

        var result = await new BaciNormalizer().NormalizeAsync(Source(csv), csv, Path.GetFileName(csv), cc, "e1",
            _dir.Combine("out"), _dir.Combine("quarantine"), CancellationToken.None);

        Assert.Equal(3, result.Rows);
        var rows = Duck.Query(null, $"""
            SELECT reporter_code, reporter_iso3, partner_code, partner_iso3, value_usd, quantity_kg
            FROM read_parquet('{FlowsGlob}') ORDER BY value_usd DESC
            """);
        // 12.000 thousand USD = 12,000 USD, "   NA" = unknown quantity; 3.250 -> 3,250 USD, 1.000 t -> 1,000 kg.
        Assert.Equal(["842", "USA", "251", "FRA", 12_000.0, null], rows[0]);
        Assert.Equal(["251", "FRA", "757", "CHE", 3_250.0, 1_000.0], rows[1]);
        Assert.Equal(["757", "CHE", "842", "USA", 500.0, null], rows[2]);
    }

    [Fact]
    public async Task Reads_a_bare_yearly_CSV_with_a_separate_country_code_file()
    {
        var csv = _dir.Write("BACI_HS17_Y2019_V202401b.csv", "t,i,j,k,v,q\n2019,842,152,080440,   2.500,   1.000\n");
        var cc = _dir.Write("country_codes_V202401b.csv", "country_code,country_name,country_iso2,country_iso3\n842,USA,US,USA\n152,Chile,CL,CHL\n");

        var result = await new BaciNormalizer().NormalizeAsync(Source(csv), csv, "BACI_HS17_Y2019_V202401b.csv", cc, "e1",
            _dir.Combine("out"), _dir.Combine("quarantine"), CancellationToken.None);

        Assert.Equal(1, result.Rows);
        Assert.Equal("HS17", result.Vintage);
        // 2.500 thousand USD = 2,500 USD; 1.000 t = 1,000 kg; 842 -> USA, 152 -> CHL.
        Assert.Equal(["USA", "CHL", "080440", 2_500.0, 1_000.0],
            Duck.Query(null, $"SELECT reporter_iso3, partner_iso3, product_code, value_usd, quantity_kg FROM read_parquet('{FlowsGlob}')").Single());
    }

    [Fact]
    public async Task Unreadable_rows_go_to_quarantine_with_file_line_column_and_reason()
    {
        var zip = BaciZip.WriteRelease(_dir.Combine("BACI_HS92_V202201.zip"), 2001,
            "2001,152,842,030212,100.000,20.000\n" +   // line 2: good
            "2001,152,842,030310,abc,20.000\n" +       // line 3: v not numeric
            "2001,999,842,030212,1.000,1.000\n" +      // line 4: unknown exporter
            "2001,152,842,030212,1.000\n" +            // line 5: five fields
            "2001,152,392,0302AB,1.000,1.000\n");      // line 6: bad product code

        var result = await Normalize(zip, Source(zip, maxQuarantine: 1.0));

        Assert.Equal(1, result.Rows);
        Assert.Equal(4, result.Quarantined);
        var q = Duck.Query(null, $"""
            SELECT file, line, "column", reason, raw_record
            FROM read_parquet('{_dir.Combine("quarantine", "*", "quarantine.parquet")}') ORDER BY line
            """);
        Assert.Equal(4, q.Count);
        Assert.All(q, r => Assert.Equal("raw/baci_test/x/BACI_HS92_V202201.zip!BACI_HS92_Y2001_V202201.csv", r[0]));
        Assert.Equal([3L, "v", "'abc' is not a trade value (thousand USD, a number >= 0)", "2001,152,842,030310,abc,20.000"], q[0][1..]);
        Assert.Equal([4L, "i", "exporter code 999 is not in the country-code file", "2001,999,842,030212,1.000,1.000"], q[1][1..]);
        Assert.Equal(5L, q[2][1]);
        Assert.Null(q[2][2]);
        Assert.Equal("expected 6 fields (t,i,j,k,v,q), found 5", q[2][3]);
        Assert.Equal([6L, "k", "'0302AB' is not an HS6 product code", "2001,152,392,0302AB,1.000,1.000"], q[3][1..]);
    }

    [Fact]
    public async Task More_quarantined_rows_than_the_allowed_share_fail_the_source()
    {
        // 1 bad row of 2 = 50% > 1%.
        var zip = BaciZip.WriteRelease(_dir.Combine("BACI_HS92_V202201.zip"), 2001,
            "2001,152,842,030212,100.000,20.000\n2001,152,842,030310,n/a,20.000\n");

        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(zip, Source(zip, maxQuarantine: 0.01)));

        Assert.Contains("1 of 2 rows could not be read, more than max_quarantine_share 1%", e.Message);
        Assert.Contains("line 3 column v: 'n/a' is not a trade value", e.Message);
        Assert.Contains("pipelines/sources/baci_test.json", e.Message);
    }

    [Fact]
    public async Task A_truncated_zip_is_a_clear_error_naming_the_file()
    {
        var zip = BaciZip.WriteRelease(_dir.Combine("BACI_HS92_V202201.zip"), 2001, "2001,152,842,030212,100.000,20.000\n");
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]); // a download cut in the middle

        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(zip, Source(zip)));

        Assert.Equal("normalize", e.Stage);
        Assert.Contains("not a readable zip archive, probably truncated or corrupt", e.Message);
        Assert.Contains("raw/baci_test/x/BACI_HS92_V202201.zip", e.Message);
        Assert.Contains("Download the file again", e.Message);
    }

    [Fact]
    public async Task A_file_without_the_BACI_columns_names_what_it_found()
    {
        var zip = BaciZip.Write(_dir.Combine("BACI_HS92_V202201.zip"), new Dictionary<string, string>
        {
            ["BACI_HS92_Y2001_V202201.csv"] = "t,i,j,k,v\n2001,152,842,030212,1.0\n",
            ["country_codes_V202201.csv"] = BaciZip.CountryCodes,
        });

        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(zip, Source(zip)));

        // A release is a contract: an entry named like a yearly data file must be one.
        Assert.Contains("BACI_HS92_Y2001_V202201.csv is named like a yearly BACI data file but its header 't,i,j,k,v' lacks q", e.Message);
        Assert.EndsWith("BACI_HS92_V202201.zip!BACI_HS92_Y2001_V202201.csv", e.FilePath);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public async Task A_configured_vintage_that_contradicts_the_file_names_is_an_error()
    {
        var zip = BaciZip.WriteRelease(_dir.Combine("BACI_HS92_V202201.zip"), 2001, "2001,152,842,030212,1.0,1.0\n");

        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(zip, Source(zip, vintage: "HS17")));

        Assert.Contains("options.hs_vintage is HS17 but the files are HS92", e.Message);
    }

    [RequiresSharedFact]
    public void Reads_the_real_V2022_country_code_file()
    {
        // ../shared/data/real/baci/country_codes.csv: CEPII V202201, UTF-8 BOM, CRLF, 238 rows.
        using var s = File.OpenRead(Repo.SharedFile("data", "real", "baci", "country_codes.csv"));

        var codes = BaciCountryCodes.Read(s, "country_codes.csv", "baci");

        Assert.Equal(238, codes.Count);
        Assert.Equal("USA", codes[842].Iso3);            // not ISO numeric 840
        Assert.Equal("FRA", codes[251].Iso3);            // not 250
        Assert.Equal("IND", codes[699].Iso3);            // not 356
        Assert.Equal("CHE", codes[757].Iso3);            // not 756
        Assert.Null(codes[490].Iso3);                    // "Other Asia, nes": N/A
        Assert.Equal("Other Asia, nes", codes[490].Name); // quoted name with a comma
        Assert.Equal("NAM", codes[516].Iso3);            // Namibia: its ISO2 "NA" is an empty field here
        Assert.Equal("CIV", codes[384].Iso3);            // the name is mojibake in the source; the code is right
    }

    [Fact]
    public void Reads_the_V2024_country_code_layout()
    {
        var text = "country_code,country_name,country_iso2,country_iso3\n842,USA,US,USA\n251,France,FR,FRA\n";

        var codes = BaciCountryCodes.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "cc.csv", "baci");

        Assert.Equal(2, codes.Count);
        Assert.Equal(new BaciCountry(251, "251", "FRA", "France"), codes[251]);
    }
}
