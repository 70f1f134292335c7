using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Jobs.Commands;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Site;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Releases;

/// <summary>
/// Two extracts of one small FAOSTAT producer-price source, pulled by the real pipeline: marts.release_diffs says what the
/// second revised, run --as-of rebuilds with the first without deleting anything, and the next plain run returns to the
/// newest. Mexico's avocados (FAO 572) priced in USD/t, with a flat deflator so real prices equal nominal ones:
///   extract 1: 2001 1000, 2002 1100, 2003 1200
///   extract 2: 2001 1000, 2002 1320, 2003 1200   (2002 revised)
/// </summary>
public sealed class ReleaseDiffTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly string _pipelines;
    readonly DataLayout _layout;
    readonly string _input;

    public ReleaseDiffTests()
    {
        _pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, _pipelines);
        foreach (var f in Directory.GetFiles(Path.Combine(_pipelines, "sources"))) File.Delete(f);
        foreach (var f in Directory.GetFiles(Path.Combine(_pipelines, "clusters")).Where(f => !f.EndsWith("mexico-avocado.json", StringComparison.Ordinal)))
            File.Delete(f);
        var deflator = new StringBuilder("series,year,value,source\n");
        for (var y = 1995; y <= 2024; y++) deflator.Append(CultureInfo.InvariantCulture, $"US_CPI_U,{y},100,flat test deflator\n");
        File.WriteAllText(Path.Combine(_pipelines, "reference", "deflators.csv"), deflator.ToString());
        _input = _dir.Combine("inputs", "Prices_E_All_Data_(Normalized).csv");
        File.WriteAllText(Path.Combine(_pipelines, "sources", "pp.json"),
            $$"""{ "id": "pp", "kind": "faostat", "location": "{{_input.Replace("\\", "/")}}" }""");
        _layout = new DataLayout(_dir.Combine("data"));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes an extract of the source and returns its id: the first 16 hex digits of the file's SHA-256.</summary>
    string WriteExtract(double price2002, int minutes, string? file = null, string area = "138,\"'484\",\"Mexico\"")
    {
        file ??= _input;
        var csv = new StringBuilder(
            "\"Area Code\",\"Area Code (M49)\",\"Area\",\"Item Code\",\"Item Code (CPC)\",\"Item\",\"Element Code\",\"Element\"," +
            "\"Year Code\",\"Year\",\"Months Code\",\"Months\",\"Unit\",\"Value\",\"Flag\",\"Note\"\n");
        foreach (var (year, price) in new[] { (2001, 1000.0), (2002, price2002), (2003, 1200.0) })
            csv.Append(CultureInfo.InvariantCulture,
                $"{area},572,\"'01311\",\"Avocados\",5532,\"Producer Price (USD/tonne)\",{year},{year},7021,\"Annual value\",\"USD\",{price:0.0},\"A\",\"\"\n");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, csv.ToString());
        // A new modification time: the pull sees the file was rewritten even when its size is the same.
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, minutes, 0, DateTimeKind.Utc));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv.ToString())))[..16];
    }

    async Task<RunOutcome> Run(bool force = false, Dictionary<string, string>? asOf = null) =>
        await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), _pipelines, _layout.DataDir, Repo.Sql,
            force, AsOf: asOf), CancellationToken.None);

    List<string> Diffs() => Duck.Query(_layout.WarehouseFile, """
            SELECT source, cluster_id, year, indicator, previous_value, current_value, change, round(relative_change, 9), revision,
                   sources_changed, previous_extract_id, current_extract_id, as_of
            FROM marts.release_diffs ORDER BY ALL
            """).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();

    string Report()
    {
        var output = new StringWriter();
        ReportCommand.Run("mexico-avocado", _layout, output);
        return output.ToString();
    }

    string Page()
    {
        var file = _dir.Combine("page.html");
        Assert.Equal(0, ClusterFiles.Html("mexico-avocado", file, "en", _pipelines, _layout));
        return File.ReadAllText(file);
    }

    double Price2002() => Convert.ToDouble(Duck.Scalar(_layout.WarehouseFile,
        "SELECT producer_price_usd_t FROM marts.cluster_prices WHERE cluster_id = 'mexico-avocado' AND year = 2002"));

    [Fact]
    public async Task A_revised_year_is_in_release_diffs_with_both_values_and_as_of_rebuilds_the_old_numbers_without_deleting_anything()
    {
        var first = WriteExtract(1100, minutes: 1);
        Assert.True((await Run()).Succeeded);
        Assert.Empty(Diffs()); // one extract so far: nothing to compare
        Assert.Equal(1100, Price2002());
        Assert.DoesNotContain("Revisions", Report());
        Assert.DoesNotContain("id=\"revisions\"", Page());

        // The same extract built again (forced: a second build): no release, no rows.
        Assert.True((await Run(force: true)).Succeeded);
        Assert.Empty(Diffs());

        var second = WriteExtract(1320, minutes: 2);
        Assert.NotEqual(first, second);
        Assert.True((await Run()).Succeeded);
        // 2002: 1100 -> 1320, change 220, relative 220 / 1100 = 0.2; the flat deflator (100 in every year) makes the real
        // price 1320 x 100 / 100 = the nominal one. 2001 and 2003 did not move; the export indicators are NULL both times.
        Assert.Equal(
        [
            $"pp|mexico-avocado|2002|cluster_prices.producer_price_usd_t|1100|1320|220|0.2|revised|pp|{first}|{second}|False",
            $"pp|mexico-avocado|2002|cluster_prices.real_producer_price|1100|1320|220|0.2|revised|pp|{first}|{second}|False",
        ], Diffs());
        Assert.Equal(1320, Price2002());
        // The report's Revisions section and the site's table: 2002, 1,100.00 -> 1,320.00, +20.0 %.
        var report = Report();
        Assert.Contains("Revisions", report);
        var line = report.Split('\n').First(l => l.Contains("cluster_prices.producer_price_usd_t"));
        Assert.Equal(["2002", "cluster_prices.producer_price_usd_t", "1,100.00", "1,320.00", "20.0", "%", "revised", "pp"],
            line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8));
        var page = Page();
        Assert.Contains("id=\"revisions\"", page);
        Assert.Contains($"{first} -&gt; {second}", page);

        // Rebuilt as of the first extract: not fetched, the old numbers back; release_diffs shows the move back, as_of.
        var manifestLines = File.ReadAllLines(_layout.RawManifest).Length;
        var asOf = await Run(asOf: new() { ["pp"] = first });
        Assert.True(asOf.Succeeded, asOf.Error);
        Assert.Equal(1100, Price2002());
        Assert.Equal(
        [
            // 1320 -> 1100: change -220, relative -220 / 1320 = -0.166666667.
            $"pp|mexico-avocado|2002|cluster_prices.producer_price_usd_t|1320|1100|-220|-0.166666667|revised|pp|{second}|{first}|True",
            $"pp|mexico-avocado|2002|cluster_prices.real_producer_price|1320|1100|-220|-0.166666667|revised|pp|{second}|{first}|True",
        ], Diffs());
        Assert.Equal(manifestLines, File.ReadAllLines(_layout.RawManifest).Length); // no fetch recorded
        Assert.Equal([first, second], RawExtracts.Of(_layout, "pp").Select(e => e.ExtractId)); // both still stored
        Assert.All(RawExtracts.Of(_layout, "pp"), e => Assert.True(File.Exists(Path.Combine(_layout.DataDir, e.Files[0].Path))));
        var build = RunLedger.Read<BuildInfo>(_layout, asOf.RunId, TransformStage.BuildLedger)!;
        Assert.Equal(first, build.AsOf!["pp"]);
        Assert.Equal(true, Duck.Scalar(_layout.WarehouseFile, "SELECT as_of FROM meta.build_extracts WHERE build_number = (SELECT max(build_number) FROM meta.build_extracts)"));
        Assert.Contains($"built as of older extracts (run --as-of): pp={first}", Report());

        // The next plain run returns to the newest extract (normalize sees another fingerprint), and says so.
        Assert.True((await Run()).Succeeded);
        Assert.Equal(1320, Price2002());
        Assert.Equal(
        [
            $"pp|mexico-avocado|2002|cluster_prices.producer_price_usd_t|1100|1320|220|0.2|revised|pp|{first}|{second}|False",
            $"pp|mexico-avocado|2002|cluster_prices.real_producer_price|1100|1320|220|0.2|revised|pp|{first}|{second}|False",
        ], Diffs());
        // Bounded history: sets of extracts 1 (two builds: a forced build of the same extract keeps the number), 2, 3 (as of)
        // and 4; the release compares 3 with 4, and 4 is this build's: 2 kept.
        Assert.Equal([3, 4], Duck.Query(_layout.WarehouseFile, "SELECT DISTINCT build_number FROM meta.indicator_history ORDER BY 1")
            .Select(r => Convert.ToInt32(r[0])));

        // A build of the same extracts (forced: every model computed again) keeps the release as it came in.
        Assert.True((await Run(force: true)).Succeeded);
        Assert.Equal(2, Diffs().Count);
    }

    [Fact]
    public async Task An_unknown_extract_id_fails_naming_the_source_and_listing_the_stored_ids_and_publishes_nothing()
    {
        var first = WriteExtract(1100, minutes: 1);
        Assert.True((await Run()).Succeeded);
        var second = WriteExtract(1320, minutes: 2);
        var published = await Run();
        Assert.True(published.Succeeded);

        var failed = await Run(asOf: new() { ["pp"] = "0123456789abcdef" });

        Assert.False(failed.Succeeded);
        Assert.Equal("pull", failed.FailedStage);
        Assert.Contains("no extract '0123456789abcdef'", failed.Error);
        Assert.Contains("pp", failed.Error);
        Assert.Contains(first, failed.Error);
        Assert.Contains(second, failed.Error);
        Assert.Equal(published.RunId, PublishedBuilds.Current(_layout)!.RunId); // the last good build stays published
        Assert.Equal(1320, Price2002());
    }

    [Fact]
    public async Task When_two_sources_change_in_one_build_each_gets_the_moves_and_both_are_named()
    {
        // A second source of Peru's avocado prices (no cluster reads Peru: it moves nothing by itself).
        var peru = _dir.Combine("inputs", "peru", "Prices_E_All_Data_(Normalized).csv");
        File.WriteAllText(Path.Combine(_pipelines, "sources", "pp_peru.json"),
            $$"""{ "id": "pp_peru", "kind": "faostat", "location": "{{peru.Replace("\\", "/")}}" }""");
        WriteExtract(1100, minutes: 1);
        WriteExtract(500, minutes: 1, peru, "170,\"'604\",\"Peru\"");
        Assert.True((await Run()).Succeeded);

        WriteExtract(1320, minutes: 2);
        WriteExtract(600, minutes: 2, peru, "170,\"'604\",\"Peru\"");
        Assert.True((await Run()).Succeeded);

        // Mexico's 2002 price moved (1100 -> 1320) in a build where both sources changed: which one moved it cannot be told
        // from the builds, so the move is listed under each, naming both.
        Assert.Equal(["pp_peru|pp, pp_peru", "pp|pp, pp_peru"], Duck.Query(_layout.WarehouseFile, """
            SELECT DISTINCT source || '|' || sources_changed FROM marts.release_diffs
            WHERE indicator = 'cluster_prices.producer_price_usd_t' AND year = 2002 AND previous_value = 1100 AND current_value = 1320
            ORDER BY 1
            """).Select(r => (string)r[0]!));
    }
}
