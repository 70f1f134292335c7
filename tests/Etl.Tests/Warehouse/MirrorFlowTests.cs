using System.Globalization;
using ClusterEtl.Tests.Support;

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
        // chile-salmon (HS92 030212 ...) selects HS17 030214 through the concordance; salmon-hs17 (HS17 030214)
        // selects HS92 030212 through it, and its own code in HS17.
        Assert.Equal(
        [
            "chile-salmon|HS17|030214|030212|concordance salmon_fresh",
            "chile-salmon|HS92|030212|030212|same code",
            "salmon-hs17|HS17|030214|030214|same code",
            "salmon-hs17|HS92|030212|030214|concordance salmon_fresh",
        ], Duck.Query(db, "SELECT cluster_id, hs_vintage, product_code, cluster_code, resolved_by FROM intermediate.int_cluster_products ORDER BY ALL")
            .Select(Row));
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
}
