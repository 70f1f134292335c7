using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Safety;

/// <summary>The bundled samples, published once; each bad-input case runs on a copy of that data folder.</summary>
public sealed class PublishedSamplesFixture : IDisposable
{
    public TempDir Dir { get; } = new();
    public string Pipelines { get; }
    public DataLayout Layout { get; }

    public PublishedSamplesFixture()
    {
        var p = new PipelineFixture(Dir);
        Pipelines = p.Pipelines;
        Layout = p.Layout;
        p.RunAsync().GetAwaiter().GetResult();
    }

    public void Dispose() => Dir.Dispose();
}

/// <summary>
/// A corpus of bad inputs, one per case and connector: each run fails with a message naming the file (and entry, line,
/// column) and saying what to do, or quarantines what it must, and the published build is left byte for byte as it was.
/// </summary>
public sealed class BadInputTests(PublishedSamplesFixture samples) : IClassFixture<PublishedSamplesFixture>, IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    const string Header = "t,i,j,k,v,q\n";
    // Chile's fresh salmon to the USA and Japan, Norway's to Japan: a good 2003 in BACI's layout (values in thousand USD).
    const string Good2003 = Header + "2003,152,842,030212,1000,100\n2003,152,392,030212,500,40\n2003,579,392,030212,3000,300\n";

    /// <summary>A copy of the published samples with one more source; runs it and returns the outcome.</summary>
    async Task<(RunOutcome Outcome, DataLayout Layout)> RunWith(string kind, string file, string options = "{}")
    {
        var layout = new DataLayout(_dir.Combine("data"));
        using (var cp = Process.Start("cp", ["-a", samples.Layout.DataDir, layout.DataDir])!) cp.WaitForExit();
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(samples.Pipelines, pipelines);
        File.WriteAllText(Path.Combine(pipelines, "sources", "bad.json"),
            $$"""{ "id": "bad", "kind": "{{kind}}", "location": "{{file.Replace("\\", "/")}}", "options": {{options}} }""");
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), pipelines, layout.DataDir,
            Repo.Sql), CancellationToken.None);
        return (outcome, layout);
    }

    /// <summary>Runs with the bad source and asserts it failed saying <paramref name="message"/>, publishing nothing.</summary>
    async Task<string> Fails(string kind, string file, string message, string options = "{}")
    {
        var before = PipelineFixture.MartFiles(samples.Layout);
        var warehouse = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(samples.Layout.WarehouseFile)));
        var (outcome, layout) = await RunWith(kind, file, options);

        Assert.False(outcome.Succeeded, "the run should have failed");
        Assert.True(outcome.Error!.Contains(message, StringComparison.Ordinal), $"expected '{message}' in: {outcome.Error}");
        Assert.Contains("source bad", outcome.Error);
        Assert.True(outcome.Error!.Length < 2_500, $"an error of {outcome.Error.Length} characters");
        Assert.Equal(PublishedBuilds.Current(samples.Layout)!.RunId, PublishedBuilds.Current(layout)!.RunId);
        Assert.Equal(before, PipelineFixture.MartFiles(layout));
        Assert.Equal(warehouse, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(layout.WarehouseFile))));
        return outcome.Error;
    }

    string Zip(string name, params (string Entry, byte[] Bytes)[] entries)
    {
        var path = _dir.Combine(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, bytes) in entries)
        {
            using var s = zip.CreateEntry(entry).Open();
            s.Write(bytes);
        }
        return path;
    }

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A BACI release: the good 2003, a 2004 entry with <paramref name="y2004"/>, and the country codes.</summary>
    string Release(byte[] y2004, params (string Entry, byte[] Bytes)[] more) =>
        Zip("BACI_HS92_V202201.zip", [("BACI_HS92_Y2003_V202201.csv", Utf8(Good2003)), ("BACI_HS92_Y2004_V202201.csv", y2004),
            ("country_codes_V202201.csv", Utf8(BaciZip.CountryCodes)), .. more]);

    [Fact]
    public Task A_truncated_release_fails() =>
        Fails("baci", Truncate(Release(Utf8(Good2003.Replace("2003", "2004")))), "not a readable zip archive");

    string Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    [Fact]
    public Task An_empty_yearly_entry_fails_naming_it() =>
        Fails("baci", Release([]), "BACI_HS92_Y2004_V202201.csv is named like a yearly BACI data file but is empty (0 bytes)");

    [Fact]
    public Task A_header_only_yearly_entry_fails_naming_it() =>
        Fails("baci", Release(Utf8(Header)), "BACI_HS92_Y2004_V202201.csv holds no data rows, only its header");

    [Fact]
    public Task A_UTF16_yearly_entry_fails_naming_it() =>
        Fails("baci", Release(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Good2003.Replace("2003", "2004"))).ToArray()),
            "BACI_HS92_Y2004_V202201.csv is named like a yearly BACI data file but is UTF-16 text");

    [Fact]
    public Task A_yearly_entry_without_q_fails_naming_it() =>
        Fails("baci", Release(Utf8("t,i,j,k,v\n2004,152,842,030212,1000\n")), "its header 't,i,j,k,v' lacks q");

    [Fact]
    public Task A_yearly_entry_with_an_extra_column_fails_naming_it() =>
        Fails("baci", Release(Utf8("t,i,j,k,v,q,z\n2004,152,842,030212,1000,100,1\n")), "has the extra column(s) z");

    [Fact]
    public Task An_entry_reaching_outside_the_archive_is_refused() =>
        Fails("baci", Release(Utf8(Good2003.Replace("2003", "2004")), ("../../evil.csv", Utf8(Good2003.Replace("2003", "2005")))),
            "the zip holds an entry named '../../evil.csv', outside the archive's own folder");

    [Fact]
    public Task An_entry_that_is_not_part_of_a_release_is_refused() =>
        Fails("baci", Release(Utf8(Good2003.Replace("2003", "2004")), ("extra/notes.csv", Utf8("a,b\n1,2\n"))),
            "extra/notes.csv is not part of a BACI release");

    [Fact]
    public Task A_flow_given_twice_with_different_values_fails() =>
        Fails("baci", Release(Utf8(Header + "2004,152,842,030212,1000,100\n2004,152,842,030212,1200,100\n")),
            "1 flow(s) are given twice with different values (BACI_HS92_Y2004_V202201.csv lines 2 and 3");

    [Fact]
    public async Task An_exact_copy_of_a_flow_is_dropped_and_counted_not_added()
    {
        var (outcome, layout) = await RunWith("baci", Release(Utf8(Header + "2004,152,842,030212,1000,100\n2004,152,842,030212,1000,100\n")));

        Assert.True(outcome.Succeeded, outcome.Error);
        // Chile's salmon 2004: 1,000 thousand USD once, not 2,000.
        Assert.Equal(1_000_000.0, Duck.Scalar(layout.WarehouseFile,
            "SELECT export_value_usd FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2004"));
        Assert.Contains(outcome.Stages.Single(s => s.Stage == "normalize").Details, d => d.StartsWith("bad:") && d.Contains("1 exact duplicate(s) dropped"));
    }

    [Fact]
    public async Task A_few_rows_that_hold_an_exporters_year_fail_the_value_limit_though_the_row_share_is_small()
    {
        // 2004: 150 good rows of others, and Chile's salmon with an unquoted thousand separator ("1,234.5" thousand USD):
        // 1 row of 151 (0.66%, under the 1% row limits), but all of Chile's 2004 exports but 500 thousand USD:
        // 1,234,500 / (1,234,500 + 500,000) = 71.2% of Chile's year, over max_quarantine_value_share 1%.
        var others = string.Concat(Enumerable.Range(0, 150).Select(i => $"2004,579,392,{10121 + i:D6},10,1\n"));
        var error = await Fails("baci", Release(Utf8(Header + others + "2004,152,842,030212,1,234.5,100\n2004,152,392,030212,500,40\n")),
            "rows worth 1,234,500 USD of CHL's 2004 exports (71.2% of 1,734,500 USD) could not be read, more than max_quarantine_value_share 1%");
        Assert.Contains("line 152: expected 6 fields (t,i,j,k,v,q), found 7", error);
    }

    [Fact]
    public async Task A_quarantined_row_of_a_cluster_is_counted_in_its_coverage()
    {
        // 2004: 150 rows of others; Chile's salmon to Japan (500 thousand USD) and to the USA with a bad quantity: that row
        // is quarantined (1 of 152 rows, under 1%), worth v = 1 thousand USD = 1,000 USD, 0.2% of Chile's 2004 value.
        var others = string.Concat(Enumerable.Range(0, 150).Select(i => $"2004,579,392,{10121 + i:D6},10,1\n"));
        var (outcome, layout) = await RunWith("baci", Release(Utf8(Header + others + "2004,152,392,030212,500,40\n2004,152,842,030212,1,xyz\n")));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal([1L, 1_000.0, "bad"], Duck.Query(layout.WarehouseFile,
            "SELECT quarantined_rows, quarantined_value_usd, quarantined_sources FROM marts.cluster_coverage WHERE cluster_id = 'chile-salmon'").Single());
        Assert.Equal(0L, Duck.Scalar(layout.WarehouseFile,
            "SELECT quarantined_rows FROM marts.cluster_coverage WHERE cluster_id = 'brazil-mango'"));
    }

    [Fact]
    public async Task A_huge_field_is_shown_cut_to_a_kilobyte_with_its_length()
    {
        var error = await Fails("baci", Release(Utf8(Header + "2004,152,842,030212," + new string('9', 10_000_000) + "x,100\n")),
            "characters in all");
        Assert.DoesNotContain(new string('9', 2_000), error);
    }

    [Fact]
    public Task An_empty_file_fails() => Fails("baci", Write("BACI_HS92_Y2004_V202201.csv", ""), "no BACI data file");

    [Fact]
    public Task Unknown_country_codes_beyond_the_limit_fail() =>
        Fails("baci", Release(Utf8(Header + "2004,999,842,030212,1000,100\n2004,152,842,030212,1000,100\n")),
            "exporter code 999 is not in the country-code file");

    [Fact]
    public Task Malformed_rows_beyond_the_limit_fail() =>
        Fails("baci", Release(Utf8(Header + "2004,152,842,030212\n2004,152,842,030212,1000,100\n")), "expected 6 fields (t,i,j,k,v,q), found 4");

    [Fact]
    public Task A_comtrade_file_without_its_value_column_fails_naming_it() =>
        Fails("comtrade", Write("comtrade.csv",
                "Classification,Year,Period,Trade Flow Code,Reporter Code,Reporter ISO,Partner Code,Partner ISO,Commodity Code,Netweight (kg)\n" +
                "H5,2019,2019,2,152,CHL,842,USA,030214,100\n"),
            "comtrade.csv");

    [Fact]
    public Task A_denue_download_with_an_empty_data_file_fails_naming_it() =>
        Fails("denue", Zip("denue_inegi_16_.zip", ("conjunto_de_datos/denue_inegi_16_.csv", [])), "denue_inegi_16_.csv");

    [Fact]
    public Task A_faostat_bulk_zip_with_an_empty_data_entry_fails_naming_it() =>
        Fails("faostat", Zip("Production_Crops_Livestock_E_All_Data_(Normalized).zip",
            ("Production_Crops_Livestock_E_All_Data_(Normalized).csv", [])), "Production_Crops_Livestock_E_All_Data_(Normalized).csv");

    string Write(string name, string text)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }
}
