using System.Globalization;
using ClusterEtl.Tests.Support;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>Mirror flows, the trade basis per year and HS vintages, on hand-made flows.</summary>
public sealed class MirrorFlowTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Row(object?[] r) => string.Join("|", r.Select(v => v switch
    {
        null => "NULL",
        double d => Math.Round(d, 9).ToString(CultureInfo.InvariantCulture),
        decimal m => Math.Round((double)m, 9).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    }));

    TradeWarehouse Comtrade2020() => new TradeWarehouse(_dir).KeepClusters("chile-salmon")
        // CHL -> USA: both sides report. X = 1000; M = 1080 CIF -> 1080 / 1.08 = 1000 FOB; discrepancy |1000-1000| / 2000 = 0.
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 1000, 100)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "USA", "CHL", "030214", 1080, 110)
        // PER -> USA: only the importer reports: mirror 540 / 1.08 = 500 FOB, quantity from the import side.
        .Flow("ct", "comtrade", "HS17", 2020, "M", "USA", "PER", "030214", 540, 60)
        // CHL -> JPN: only the exporter reports: 300, no mirror, no discrepancy.
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "JPN", "030214", 300)
        // CHL -> ARG: X = 200, M = 324 CIF -> 300 FOB; discrepancy |200 - 300| / (200 + 300) = 0.2.
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "ARG", "030214", 200, 20)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "ARG", "CHL", "030214", 324)
        // Totals: to World (left out of mirror flows) and to USA as product TOTAL (kept, never summed with products).
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "WLD", "TOTAL", 5000)
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "TOTAL", 9000);

    [Fact]
    public async Task Mirror_flows_take_the_reported_export_else_the_mirror_import_converted_to_fob()
    {
        var db = await Comtrade2020().BuildAsync();
        var rows = Duck.Query(db, """
            SELECT exporter_key, importer_key, product_code, reported_export_usd, mirror_import_cif_usd, mirror_import_fob_usd,
                   value_usd, quantity_kg, value_basis, discrepancy
            FROM intermediate.int_trade_mirror_flows ORDER BY exporter_key, importer_key, product_code
            """).Select(Row).ToList();
        Assert.Equal(
        [
            "CHL|ARG|030214|200|324|300|200|20|reported|0.2",
            "CHL|JPN|030214|300|NULL|NULL|300|NULL|reported|NULL",
            "CHL|USA|030214|1000|1080|1000|1000|100|reported|0",
            "CHL|USA|TOTAL|9000|NULL|NULL|9000|NULL|reported|NULL",
            "PER|USA|030214|NULL|540|500|500|60|mirror|NULL",
        ], rows);
        // TOTAL never enters product sums: Chile's exports of all products are 1000 + 300 + 200 = 1500, not + 9000.
        Assert.Equal(["CHL|1500", "PER|500"], Duck.Query(db, """
            SELECT exporter_key, sum(export_value_usd) FROM intermediate.int_country_product_exports GROUP BY ALL ORDER BY ALL
            """).Select(Row));
    }

    [Fact]
    public async Task The_margin_is_a_setting()
    {
        // 10%: the PER -> USA mirror is 540 / 1.10 = 490.909090909...
        var db = await Comtrade2020().Settings("""{ "cif_fob_margin": 0.10 }""").BuildAsync();
        Assert.Equal(490.909090909, Math.Round((double)Duck.Scalar(db,
            "SELECT value_usd FROM intermediate.int_trade_mirror_flows WHERE exporter_key = 'PER'")!, 9));
        Assert.Equal("0.1", Duck.Scalar(db, "SELECT value FROM ref.settings WHERE name = 'cif_fob_margin'"));
    }

    [Fact]
    public async Task A_cluster_in_one_vintage_selects_the_matching_codes_of_every_other_vintage()
    {
        var warehouse = Comtrade2020();
        warehouse.AddCluster("mexico-avocado", File.ReadAllText(Path.Combine(Repo.Pipelines, "clusters", "mexico-avocado.json")));
        var db = await warehouse
            // An older year in BACI HS92: salmon fresh was one code, 030212, before HS2012 split it into 030213/030214.
            .Flow("baci", "baci", "HS92", 2001, "X", "CHL", "USA", "030212", 700, 70)
            .Flow("baci", "baci", "HS92", 2001, "X", "NOR", "USA", "030212", 1300)
            .AddCluster("salmon-hs17", """
                { "id": "salmon-hs17", "name": "Atlantic salmon, written in HS17", "country": "CHL",
                  "products": { "hs": ["030214"], "hs_vintage": "HS17" } }
                """)
            .BuildAsync();
        // The basis: BACI for 2001, Comtrade for 2020.
        Assert.Equal(["2001|baci|HS92", "2020|comtrade|HS17"],
            Duck.Query(db, "SELECT * FROM intermediate.int_trade_basis ORDER BY ALL").Select(Row));
        // chile-salmon (HS92 030212 ...) selects HS17 030214 through the concordance: HS92 030212 was split into HS12
        // 030213 and 030214 (and, through HS2017's new offal code, 030299: 1:n); salmon-hs17 (HS17 030214) selects HS92
        // 030212 through it (n:1), and its own code in HS17. HS92 030212 also holds the goods of HS17 030213 and 030299,
        // which salmon-hs17 does not have: a mixed product, counted and flagged.
        Assert.Equal(
        [
            "chile-salmon|HS17|030214|030212|concordance 1:n|030212|NULL",
            "chile-salmon|HS92|030212|030212|same code|030212|NULL",
            "salmon-hs17|HS17|030214|030214|same code|030214|NULL",
            "salmon-hs17|HS92|030212|030214|concordance n:1|030214|HS17 030213, HS17 030299",
        ], Duck.Query(db, """
            SELECT cluster_id, hs_vintage, product_code, cluster_code, resolved_by, product_key, mixed_with
            FROM intermediate.int_cluster_products ORDER BY ALL
            """).Select(Row));
        Assert.Equal(["chile-salmon|NULL|0", "salmon-hs17|HS92 030212|700"], Duck.Query(db, """
            SELECT cluster_id, mixed_hs_codes, mixed_value_usd FROM marts.cluster_coverage WHERE cluster_id LIKE '%salmon%' ORDER BY ALL
            """).Select(Row));
        // Exports: 2001 = 700 of world 700 + 1300 = 2000 (share 0.35); 2020 = 1000 + 300 + 200 = 1500 of world
        // 1500 + PER's mirror 500 = 2000 (share 0.75), three destinations, all reported by Chile.
        Assert.Equal(
        [
            "chile-salmon|2001|700|2000|0.35|1|reconciled|HS92",
            "chile-salmon|2020|1500|2000|0.75|3|reported|HS17",
            "salmon-hs17|2001|700|2000|0.35|1|reconciled|HS92",
            "salmon-hs17|2020|1500|2000|0.75|3|reported|HS17",
        ], Duck.Query(db, """
            SELECT cluster_id, year, export_value_usd, world_export_value_usd, world_share_value, n_destinations, value_basis, trade_hs_vintages
            FROM marts.cluster_exports WHERE cluster_id <> 'mexico-avocado' ORDER BY ALL
            """).Select(Row));
        // Nobody exported avocados (080440) in these data: no row says Mexico exported 0 of them.
        Assert.Equal(0L, Duck.Scalar(db, "SELECT count(*) FROM marts.cluster_exports WHERE cluster_id = 'mexico-avocado'"));
    }

    [Fact]
    public async Task A_mirror_in_another_hs_vintage_never_counts_an_export_twice_and_both_marts_divide_by_one_world()
    {
        // 2020 in Comtrade: Chile reports in HS17, Japan in HS12 (each as it reported). Both sources' years are one basis.
        var db = await new TradeWarehouse(_dir).KeepClusters("chile-salmon")
            // CHL -> JPN fresh salmon: Chile's export, 100 FOB in HS17, and Japan's import of the same goods, 108 CIF in
            // HS12. One flow: the export (100). Before, both survived: 100 reported + 108 / 1.08 = 100 mirror.
            .Flow("ct17", "comtrade", "HS17", 2020, "X", "CHL", "JPN", "030214", 100, 10)
            .Flow("ct12", "comtrade", "HS12", 2020, "M", "JPN", "CHL", "030214", 108, 11)
            // Japan also declares avocados (chapter 08) from Chile, a chapter Chile declared nothing of to Japan in any
            // vintage: the mirror stands in, 216 / 1.08 = 200.
            .Flow("ct12", "comtrade", "HS12", 2020, "M", "JPN", "CHL", "080440", 216)
            // Norway reported nothing: Japan's HS12 import of its salmon, 540 / 1.08 = 500, is used.
            .Flow("ct12", "comtrade", "HS12", 2020, "M", "JPN", "NOR", "030214", 540, 60)
            .BuildAsync();

        Assert.Equal(
        [
            "CHL|JPN|030214|HS12|NULL|unused mirror",
            "CHL|JPN|030214|HS17|100|reported",
            "CHL|JPN|080440|HS12|200|mirror",
            "NOR|JPN|030214|HS12|500|mirror",
        ], Duck.Query(db, """
            SELECT exporter_key, importer_key, product_code, hs_vintage, value_usd, value_basis
            FROM intermediate.int_trade_mirror_flows ORDER BY ALL
            """).Select(Row));
        // Chile's salmon: 100 (not 200); the world's: 100 + Norway's 500 = 600, HS17 and HS12 codes of the same goods
        // (the salmon_fresh group of the concordance); share 100 / 600 = 0.166666667.
        // One world for RCA: Chile's exports 100 + 200 = 300, Norway's 500, all 800;
        //   Chile in salmon (100 / 300) / (600 / 800) = 0.444444444.
        // The basis holds 2 reporters (CHL, JPN) and 3 partners (JPN; CHL and NOR as Japan's partners).
        Assert.Equal(["100|600|0.166666667|0.444444444|comtrade HS12, comtrade HS17|2|3"], Duck.Query(db, """
            SELECT export_value_usd, world_export_value_usd, world_share_value, rca, trade_basis, basis_reporters, basis_partners
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2020
            """).Select(Row));
        // country_product_rca uses the same totals: a product's world exports add up its code over both vintages
        // (030214: 100 + 500 = 600). CHL 030214 0.444444444 as above (within HS17 alone it was (100/100)/(100/100) = 1);
        // CHL 080440 (200 / 300) / (200 / 800) = 2.666666667; NOR 030214 (500 / 500) / (600 / 800) = 1.333333333.
        Assert.Equal(
        [
            "CHL|HS12|080440|300|800|2.666666667",
            "CHL|HS17|030214|300|800|0.444444444",
            "NOR|HS12|030214|500|800|1.333333333",
        ], Duck.Query(db, """
            SELECT country_key, hs_vintage, product_code, country_total_usd, world_total_usd, rca
            FROM marts.country_product_rca WHERE year = 2020 ORDER BY ALL
            """).Select(Row));
    }

    [Fact]
    public async Task A_year_in_both_baci_and_comtrade_counts_baci_alone()
    {
        var db = await new TradeWarehouse(_dir).KeepClusters("chile-salmon")
            // 2019 is in a BACI HS92 release and in a Comtrade HS17 extract: BACI is the basis, the Comtrade flows are not
            // added (700, not 700 + 1000).
            .Flow("baci", "baci", "HS92", 2019, "X", "CHL", "USA", "030212", 700, 70)
            .Flow("ct", "comtrade", "HS17", 2019, "X", "CHL", "USA", "030214", 1000, 100)
            // 2020 only in Comtrade: 770 / 700 - 1 = 0.1, across a switch of trade data, flagged.
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 770, 70)
            .BuildAsync();
        Assert.Equal(["2019|700|NULL|baci HS92|NULL", "2020|770|0.1|comtrade HS17|True"], Duck.Query(db, """
            SELECT year, export_value_usd, growth_yoy, trade_basis, basis_changed_yoy
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year
            """).Select(Row));
    }

    [Fact]
    public async Task Two_releases_holding_the_same_flow_fail_the_build_and_publish_nothing()
    {
        var p = new PipelineFixture(_dir);
        await p.RunAsync();
        var published = PipelineFixture.MartFiles(p.Layout);
        // A second HS92 release of 2001 repeating a flow of the sample's (Chile -> Japan, frozen salmon 030310): it would
        // be counted twice.
        var zip = BaciZip.WriteRelease(_dir.Combine("again", "release.zip"), 2001, "2001,152,392,030310,250000,62500\n");
        p.Source("baci_again", $$"""{ "id": "baci_again", "kind": "baci", "location": "{{zip.Replace("\\", "/")}}", "options": { "hs_vintage": "HS92" } }""");

        var outcome = await ClusterEtl.Jobs.Hangfire.PipelineRun.ExecuteAsync(new ClusterEtl.Transforms.Stages.RunRequest(
            "again", p.Pipelines, p.Layout.DataDir, Repo.Sql), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("transform", outcome.FailedStage);
        Assert.Contains("assert_no_flow_from_two_sources", outcome.Error);
        Assert.Equal(published, PipelineFixture.MartFiles(p.Layout));
    }
}
