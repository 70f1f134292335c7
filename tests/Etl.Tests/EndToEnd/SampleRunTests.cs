using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.EndToEnd;

/// <summary>
/// The pipeline end to end, through Hangfire, on a private copy of the bundled definitions and sample.
/// </summary>
public sealed class SampleRunTests : IDisposable
{
    const string SampleZip = "samples/baci/BACI_HS92_V202201_SAMPLE.zip";
    const string MartQuery = "SELECT * FROM read_parquet('{0}/cluster_exports/*/*.parquet', hive_partitioning = true) ORDER BY cluster_id, year";
    readonly TempDir _dir = new();

    public SampleRunTests() => Repo.CopyDirectory(Repo.Pipelines, Pipelines);

    public void Dispose() => _dir.Dispose();

    string Pipelines => _dir.Combine("pipelines");
    DataLayout Layout => new(_dir.Combine("data"));

    Task<RunOutcome> Run(bool force = false, string? sql = null) =>
        PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines, Layout.DataDir,
            sql ?? Repo.Sql, force), CancellationToken.None);

    static string Status(RunOutcome o, string stage) => o.Stages.Single(s => s.Stage == stage).Status;

    string Marts() => string.Join("\n", Duck.Query(null, string.Format(MartQuery, Layout.MartsDir))
        .Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));

    string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    string PublishedHashes() => string.Join("\n",
        Directory.GetFiles(Layout.MartsDir, "*", SearchOption.AllDirectories).Order().Select(f => $"{f} {Hash(f)}")) +
        "\n" + Hash(Layout.WarehouseFile);

    /// <summary>Rewrites one yearly CSV of the sample zip with <paramref name="edit"/> applied to its lines.</summary>
    void EditSample(string entryName, Func<string[], string[]> edit)
    {
        var path = Path.Combine(Pipelines, SampleZip);
        var entries = new Dictionary<string, byte[]>();
        using (var zip = ZipFile.OpenRead(path))
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                entries[e.FullName] = m.ToArray();
            }
        var lines = Encoding.UTF8.GetString(entries[entryName]).Split('\n');
        entries[entryName] = Encoding.UTF8.GetBytes(string.Join('\n', edit(lines)));
        File.Delete(path);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var s = output.CreateEntry(name).Open();
            s.Write(bytes);
        }
    }

    [Fact]
    public async Task The_sample_run_builds_the_warehouse_with_the_hand_computed_indicators()
    {
        var outcome = await Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["pull", "normalize", "transform", "publish"], outcome.Stages.Select(s => s.Stage));
        var row = Duck.Query(Layout.WarehouseFile, """
            SELECT export_value_usd, export_qty_kg, world_export_value_usd, world_share_value, rca,
                   n_destinations, top_destination, top_destination_share
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2001
            """).Single();
        // Chile (BACI 152) 2001, HS92 030212/030310/030322/030541, in the sample's 2001 CSV (v in thousand USD, q in tonnes):
        //   -> USA 030212 350,000 (70,000 t); -> JPN 030310 250,000 (62,500 t); -> JPN 030322 200,000 (50,000 t);
        //   -> DEU 030322 64,300 (16,075 t); -> BRA 030212 60,000 (15,000 t); -> USA 030541 40,000 (4,000 t)
        // value = 350,000 + 250,000 + 200,000 + 64,300 + 60,000 + 40,000 = 964,300 thousand = 964,300,000 USD
        Assert.Equal(964_300_000.0, (double)row[0]!, 6);
        // qty = 70,000 + 62,500 + 50,000 + 16,075 + 15,000 + 4,000 = 217,575 t = 217,575,000 kg
        Assert.Equal(217_575_000.0, (double)row[1]!, 6);
        // world exports of the four codes in 2001 (all exporters) = 3,000,000 thousand USD
        Assert.Equal(3_000_000_000.0, (double)row[2]!, 6);
        // world share = 964,300 / 3,000,000 = 0.321433...
        Assert.Equal(0.3214333333, (double)row[3]!, 9);
        // RCA = (Chile salmon / Chile all products) / (world salmon / world all products)
        //     = (964,300 / 17,500,000) / (3,000,000 / 5,000,000,000) = 0.0551028571 / 0.0006 = 91.8380952...
        Assert.Equal(91.838095238, (double)row[4]!, 8);
        // destinations USA, JPN, DEU, BRA; JPN = 250,000 + 200,000 = 450,000 > USA 390,000; 450,000 / 964,300 = 0.466659...
        Assert.Equal(4, (long)row[5]!);
        Assert.Equal("JPN", row[6]);
        Assert.Equal(0.4666597532, (double)row[7]!, 9);

        // The same mart, published as Parquet, readable with hive partitioning: a row per cluster and year.
        var parquetRows = Duck.Query(null, string.Format(MartQuery, Layout.MartsDir));
        var warehouseRows = (long)Duck.Scalar(Layout.WarehouseFile, "SELECT count(*) FROM marts.cluster_exports")!;
        Assert.Equal(warehouseRows, parquetRows.Count);
        Assert.Equal(12 * 4, parquetRows.Count); // 12 clusters x 4 years (1999-2002)
        Assert.True(File.Exists(Path.Combine(Layout.MartsDir, "cluster_exports", "year=2001", "part-0.parquet")));
        // Coverage: salmon's four HS92 codes all match and every sample country code is known; Ecuador's bananas
        // (HS92 0803 -> 080300): 6 destinations x 4 years = 24 flows, 955,000 + 820,000 + 865,000 + 970,000 thousand USD.
        Assert.Equal([4L, 4L, null, 4L, 4L, null], Duck.Query(Layout.WarehouseFile, """
            SELECT hs_codes, hs_codes_matched, hs_codes_unmatched, hs6_codes, years_with_exports, unknown_country_codes
            FROM marts.cluster_coverage WHERE cluster_id = 'chile-salmon'
            """).Single());
        Assert.Equal([null, 24L, 3_610_000_000.0], Duck.Query(Layout.WarehouseFile,
            "SELECT hs_codes_unmatched, export_flows, export_value_usd FROM marts.cluster_coverage WHERE cluster_id = 'ecuador-bananas'").Single());
        Assert.True(File.Exists(Path.Combine(Layout.MartsDir, "cluster_coverage", "part-0.parquet")));
        // The country reference is in the warehouse, one row per line of pipelines/reference/countries.csv.
        Assert.Equal((long)(File.ReadAllLines(Path.Combine(Pipelines, "reference", "countries.csv")).Length - 1),
            Duck.Scalar(Layout.WarehouseFile, "SELECT count(*) FROM ref.countries"));
        Assert.Equal("Estados Unidos de América", Duck.Scalar(Layout.WarehouseFile, "SELECT name_es FROM ref.countries WHERE baci_code = 842"));
        // Provenance is in the warehouse: every bundled source's extract.
        Assert.Equal(Directory.GetFiles(Path.Combine(Pipelines, "sources"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            Duck.Query(Layout.WarehouseFile, "SELECT DISTINCT source FROM meta.extracts ORDER BY source").Select(r => (string?)r[0]));
    }

    [Fact]
    public async Task A_second_run_on_unchanged_inputs_normalizes_nothing_and_keeps_identical_marts()
    {
        Assert.True((await Run()).Succeeded);
        var before = PublishedHashes();
        var martsBefore = Marts();

        var again = await Run();

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal("skipped", Status(again, "normalize"));
        Assert.Equal("skipped", Status(again, "transform"));
        Assert.Equal("skipped", Status(again, "publish"));
        Assert.Equal(before, PublishedHashes());

        // Forced, everything is redone, and the marts come out the same.
        var forced = await Run(force: true);

        Assert.True(forced.Succeeded, forced.Error);
        Assert.Equal("succeeded", Status(forced, "normalize"));
        Assert.Equal("succeeded", Status(forced, "publish"));
        Assert.Equal(martsBefore, Marts());
    }

    [Fact]
    public async Task Editing_a_reference_file_normalizes_again_only_the_sources_that_read_it()
    {
        Assert.True((await Run()).Succeeded);
        // countries.csv resolves FAOSTAT areas (and Comtrade codes); BACI maps through its release's own code file.
        var countries = Path.Combine(Pipelines, "reference", "countries.csv");
        var text = File.ReadAllText(countries);
        Assert.Contains("every FAO area code >= 5000 is an aggregate", text);
        File.WriteAllText(countries, text.Replace("every FAO area code >= 5000 is an aggregate", "FAO area codes >= 5000 are aggregates"));

        var again = await Run();

        Assert.True(again.Succeeded, again.Error);
        var details = again.Stages.Single(s => s.Stage == "normalize").Details;
        Assert.Contains(details, d => d.StartsWith("baci_hs92_sample: unchanged, skipped", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("inegi_denue_sample: unchanged, skipped", StringComparison.Ordinal));
        foreach (var fao in new[] { "faostat_pp_sample", "faostat_qcl_sample", "faostat_tcl_sample" })
            Assert.Contains(details, d => d.StartsWith(fao + ": ", StringComparison.Ordinal) && !d.Contains("skipped"));
    }

    [Fact]
    public async Task A_truncated_zip_fails_the_run_and_leaves_the_last_good_warehouse_readable()
    {
        Assert.True((await Run()).Succeeded);
        var before = PublishedHashes();
        var martsBefore = Marts();
        var zip = Path.Combine(Pipelines, SampleZip);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length * 2 / 3)]);

        var outcome = await Run();

        Assert.False(outcome.Succeeded);
        Assert.Equal("normalize", outcome.FailedStage);
        // The file as configured (its location) first, then the raw store's copy.
        Assert.StartsWith($"normalize failed [source baci_hs92_sample; {zip} (stored as raw/baci_hs92_sample/", outcome.Error);
        Assert.Contains("not a readable zip archive, probably truncated or corrupt", outcome.Error);
        Assert.Equal(before, PublishedHashes());
        Assert.Equal(martsBefore, Marts());
        Assert.False(Directory.Exists(Layout.RunStaging(outcome.RunId)));
    }

    [Fact]
    public async Task Unreadable_rows_are_quarantined_and_reported_while_the_rest_is_published()
    {
        // Line 2 of the 2001 file gets a non-numeric value, line 3 an exporter code no country has.
        EditSample("BACI_HS92_Y2001_V202201.csv", lines =>
        {
            var l2 = lines[1].Split(',');
            l2[4] = "   12x45.000";
            var l3 = lines[2].Split(',');
            l3[1] = "999";
            lines[1] = string.Join(',', l2);
            lines[2] = string.Join(',', l3);
            return lines;
        });

        var outcome = await Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.Stages.Single(s => s.Stage == "normalize").QuarantinedRows);
        var q = Duck.Query(Layout.WarehouseFile, "SELECT line, column_name, reason FROM staging.stg_quarantine ORDER BY line");
        Assert.Equal([2L, "v", "'12x45.000' is not a trade value (thousand USD, a number >= 0)"], q[0]);
        Assert.Equal([3L, "i", "exporter code 999 is not in the country-code file"], q[1]);
    }

    [Fact]
    public async Task A_backfill_replaces_only_the_years_asked_for()
    {
        Assert.True((await Run()).Succeeded);
        const string salmon = "SELECT year, export_value_usd FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year IN (2001, 2002) ORDER BY year";
        // Chile -> USA 030212 goes from 350,000 to 360,000 thousand USD in 2001, and every 2002 value doubles.
        EditSample("BACI_HS92_Y2001_V202201.csv", lines => lines.Select(l =>
            l.StartsWith("2001,152,842,030212,") ? "2001,152,842,030212,  360000.000,   70000.000" : l).ToArray());
        EditSample("BACI_HS92_Y2002_V202201.csv", lines => lines.Select(l =>
        {
            var f = l.Split(',');
            return f.Length == 6 && f[0] == "2002" ? string.Join(',', f[..4].Append((double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) * 2).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)).Append(f[5])) : l;
        }).ToArray());

        var backfill = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines,
            Layout.DataDir, Repo.Sql, Sources: ["baci_hs92_sample"], Years: [2001, 2001]), CancellationToken.None);

        Assert.True(backfill.Succeeded, backfill.Error);
        // 2001: 964,300 + 10,000 = 974,300 thousand USD; 2002 untouched: 1,005,000 thousand USD.
        Assert.Equal([[2001, 974_300_000.0], [2002, 1_005_000_000.0]], Duck.Query(Layout.WarehouseFile, salmon));

        // The next regular run sees new content and normalizes every year: 2002 doubles to 2,010,000 thousand USD.
        var regular = await Run();

        Assert.True(regular.Succeeded, regular.Error);
        Assert.Equal([[2001, 974_300_000.0], [2002, 2_010_000_000.0]], Duck.Query(Layout.WarehouseFile, salmon));
    }

    [Fact]
    public async Task A_failing_model_publishes_nothing()
    {
        Assert.True((await Run()).Succeeded);
        var before = PublishedHashes();
        var sql = _dir.Combine("sql");
        Repo.CopyDirectory(Repo.Sql, sql);
        File.AppendAllText(Path.Combine(sql, "marts", "cluster_exports.sql"), "\nSELECT no_such_column FROM marts.cluster_exports;\n");

        var outcome = await Run(sql: sql);

        Assert.False(outcome.Succeeded);
        Assert.Equal("transform", outcome.FailedStage);
        Assert.Contains("cluster_exports.sql", outcome.Error);
        Assert.Contains("no_such_column", outcome.Error);
        Assert.Equal(before, PublishedHashes());
    }

    [Fact]
    public async Task Pulls_the_source_over_HTTP_from_a_loopback_server()
    {
        var zip = File.ReadAllBytes(Path.Combine(Pipelines, SampleZip));
        await using var server = new LoopbackHttpServer((ctx, _) => LoopbackHttpServer.Send(ctx, zip, etag: "\"sample-1\""));
        var url = server.Url("/cepii/BACI_HS92_V202201_SAMPLE.zip");
        var definition = Path.Combine(Pipelines, "sources", "baci_hs92_sample.json");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace($"\"{SampleZip}\"", $"\"{url}\""));

        var outcome = await Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, server.Requests);
        var extract = Duck.Query(Layout.WarehouseFile, "SELECT location, etag, bytes FROM meta.extracts WHERE source = 'baci_hs92_sample'").Single();
        Assert.Equal([url, "\"sample-1\"", (long)zip.Length], extract);
        Assert.True((long)Duck.Scalar(Layout.WarehouseFile, "SELECT count(*) FROM marts.cluster_exports WHERE export_value_usd > 0")! > 0);
    }
}
