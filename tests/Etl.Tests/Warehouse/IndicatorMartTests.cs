using System.Globalization;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>The indicator marts on small hand-made trade flows, every value worked out in the comments.</summary>
public sealed class IndicatorMartTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => v switch
    {
        null or DBNull => "NULL",
        double d => Math.Round(d, 9).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    static List<string> Rows(string db, string sql) => Duck.Query(db, sql).Select(r => string.Join("|", r.Select(Cell))).ToList();

    /// <summary>Chile's salmon (HS17 030214, annual Comtrade exports) over four years with the edge cases.</summary>
    Task<string> Salmon() => new TradeWarehouse(_dir).KeepClusters("chile-salmon")
        // 2018: Chile exports nothing; Norway 500 USD / 100 kg makes 2018 a year of the data.
        .Flow("ct", "comtrade", "HS17", 2018, "X", "NOR", "USA", "030214", 500, 100)
        // 2019: USA 1000 USD / 200 kg; JPN 500 USD with no quantity (left out of unit values); Norway 800 / 400 kg.
        .Flow("ct", "comtrade", "HS17", 2019, "X", "CHL", "USA", "030214", 1000, 200)
        .Flow("ct", "comtrade", "HS17", 2019, "X", "CHL", "JPN", "030214", 500)
        .Flow("ct", "comtrade", "HS17", 2019, "X", "NOR", "USA", "030214", 800, 400)
        // 2020: a single destination, USA 1200 USD / 200 kg; nobody else exports.
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 1200, 200)
        // 2021: five destinations with a three-way tie at 200: 300, 200, 200, 200, 100.
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "USA", "030214", 300)
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "JPN", "030214", 200)
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "DEU", "030214", 200)
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "BRA", "030214", 200)
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "ARG", "030214", 100)
        .BuildAsync();

    [Fact]
    public async Task Cluster_exports_handle_growth_from_zero_a_single_destination_and_missing_quantities()
    {
        var db = await Salmon();
        Assert.Equal(
        [
            // 2018: nothing exported; no previous year in the data -> growth NULL, not a new market; no destinations.
            "2018|0|NULL|NULL|false|0|NULL|NULL|NULL|NULL",
            // 2019: 1000 + 500 = 1500 from 0 in 2018 -> growth NULL (never infinite), new_market true.
            //   shares 1000/1500 = 2/3 and 1/3: HHI = 4/9 + 1/9 = 0.555555556;
            //   normalised, N = 2: (sqrt(5/9) - sqrt(1/2)) / (1 - sqrt(1/2)) = 0.130590976.
            //   unit value = 1000 / 200 = 5 USD/kg (the JPN flow has no quantity: excluded, not counted as 0);
            //   Norway's is 800 / 400 = 2 -> relative unit value 2.5; known quantity 200 kg.
            "2019|1500|200|NULL|true|2|0.555555556|0.130590976|5|2.5",
            // 2020: 1200 / 1500 - 1 = -0.2; a single destination: HHI 1, normalised 0 by convention; nobody else
            //   exports, so no relative unit value.
            "2020|1200|200|-0.2|false|1|1|0|6|NULL",
            // 2021: 1000 / 1200 - 1 = -0.166666667; shares .3 .2 .2 .2 .1: HHI = .09 + 3 x .04 + .01 = 0.22;
            //   normalised, N = 5: (0.469041576 - 0.447213595) / (1 - 0.447213595) = 0.039487188; no quantities.
            "2021|1000|NULL|-0.166666667|false|5|0.22|0.039487188|NULL|NULL",
        ], Rows(db, """
            SELECT year, export_value_usd, export_qty_kg, growth_yoy, new_market, n_destinations, destination_hhi,
                   destination_hhi_norm, unit_value_usd_kg, relative_unit_value
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year
            """));
        // World shares in 2019: by value 1500 / (1500 + 800) = 0.652173913; by volume 200 / (200 + 400) = 1/3.
        Assert.Equal(["0.652173913|0.333333333"], Rows(db,
            "SELECT world_share_value, world_share_qty FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2019"));
    }

    [Fact]
    public async Task Destinations_rank_ties_alphabetically_and_cr4_does_not_depend_on_the_tie()
    {
        var db = await Salmon();
        // 2021: USA 300 first; DEU, JPN and BRA tie at 200 and are ranked BRA, DEU, JPN; ARG last.
        Assert.Equal(["USA|0.3|1", "BRA|0.2|2", "DEU|0.2|3", "JPN|0.2|4", "ARG|0.1|5"], Rows(db,
            "SELECT partner_iso3, share, rank FROM marts.cluster_destinations WHERE year = 2021 ORDER BY rank"));
        // CR4 = .3 + .2 + .2 + .2 = 0.9 whichever of the tied partners is counted; one product: product HHI 1;
        // Chile is the only exporter: world exporter HHI 1, rank 1.
        Assert.Equal(["0.9|1|1|1"], Rows(db, """
            SELECT destination_cr4, product_hhi, exporter_hhi_world, cluster_rank_world
            FROM marts.cluster_concentration WHERE cluster_id = 'chile-salmon' AND year = 2021
            """));
        // 2019: UV 2019 of the destinations: USA 1000 / 200 = 5; JPN has no quantity -> NULL unit value.
        Assert.Equal(["USA|1000|200|5", "JPN|500|NULL|NULL"], Rows(db,
            "SELECT partner_iso3, value_usd, qty_kg, unit_value_usd_kg FROM marts.cluster_destinations WHERE year = 2019 ORDER BY rank"));
    }

    [Fact]
    public async Task The_decomposition_effects_add_up_to_the_change_in_value()
    {
        var db = await Salmon();
        // 2019 -> 2020: V0 = 5, Q0 = 200, Qw0 = 600, M0 = 1/3; V1 = 6, Q1 = 200, Qw1 = 200, M1 = 1.
        //   delta = 6 x 200 - 5 x 200 = 200
        //   world demand = V1 M0 dQw = 6 x 1/3 x (-400) = -800
        //   market share = V1 dM Qw0 = 6 x 2/3 x 600 = 2400
        //   interaction  = V1 dM dQw = 6 x 2/3 x (-400) = -1600
        //   unit value   = Q0 dV = 200 x 1 = 200          (-800 + 2400 - 1600 + 200 = 200)
        // No relative unit value in 2020 (Chile alone), so no quadrant. 2018 and 2021 have no Chilean quantity.
        Assert.Equal(["consecutive|2019|2020|200|-800|2400|-1600|200|0.333333333|1|NULL"], Rows(db, """
            SELECT comparison, year_from, year_to, delta_value_usd, world_demand_effect, market_share_effect,
                   interaction_effect, unit_value_effect, market_share_from, market_share_to, quadrant
            FROM marts.cluster_export_decomposition ORDER BY ALL
            """));
    }

    [Fact]
    public async Task The_decomposition_adds_up_to_1e9_relative_on_every_row_of_the_sample_and_names_the_quadrant()
    {
        var pipelines = _dir.Combine("run", "pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var outcome = await ClusterEtl.Jobs.Hosting.PipelineRun.ExecuteAsync(new ClusterEtl.Transforms.Pipeline.RunRequest("r1", pipelines,
            _dir.Combine("run", "data"), Repo.Sql, false), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        var db = new ClusterEtl.Transforms.Pipeline.DataLayout(_dir.Combine("run", "data")).WarehouseFile;
        var rows = Duck.Query(db, """
            SELECT delta_value_usd, world_demand_effect + market_share_effect + interaction_effect + unit_value_effect, quadrant,
                   market_share_to > market_share_from, relative_unit_value_to > relative_unit_value_from
            FROM marts.cluster_export_decomposition
            """);
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var delta = (double)r[0]!;
            var sum = (double)r[1]!;
            Assert.True(Math.Abs(delta - sum) <= 1e-9 * Math.Max(1, Math.Abs(delta)), $"{delta} vs {sum}");
            var expected = ((bool)r[3]!, (bool)r[4]!) switch
            {
                (true, true) => "upgrading",
                (true, false) => "immiserising growth",
                (false, true) => "niche",
                _ => "downgrading",
            };
            Assert.Equal(expected, r[2]);
        }
    }

    [Fact]
    public async Task Rca_matches_the_py_ecomplexity_and_wits_definition()
    {
        // Hand case (HS17, 2020): CHL exports 600 of 030214 and 400 of 080440; PER 300 of 080440; NOR 900 and 100.
        //   world: 030214 1500, 080440 800, all 2300.
        //   CHL 030214 (600/1000)/(1500/2300) = 0.92; CHL 080440 (400/1000)/(800/2300) = 1.15;
        //   PER 080440 (300/300)/(800/2300) = 2.875; NOR 030214 (900/1000)/(1500/2300) = 1.38; NOR 080440 0.2875.
        var w = new TradeWarehouse(_dir).KeepClusters("chile-salmon");
        foreach (var (c, p, v) in new[] { ("CHL", "030214", 600.0), ("CHL", "080440", 400.0), ("PER", "080440", 300.0),
                     ("NOR", "030214", 900.0), ("NOR", "080440", 100.0) })
            w.Flow("ct", "comtrade", "HS17", 2020, "X", c, "USA", p, v);
        // A second year: a 6-country x 5-product matrix with gaps, checked against an independent implementation of
        // py-ecomplexity's rca = (x / x.sum(axis=1)) / (x.sum(axis=0) / x.sum()).
        string[] countries = ["ARG", "BRA", "CHL", "COL", "ECU", "URY"];
        string[] products = ["030214", "040210", "080390", "080440", "090111"];
        var x = new double[countries.Length, products.Length];
        for (var i = 0; i < countries.Length; i++)
        for (var j = 0; j < products.Length; j++)
        {
            x[i, j] = (i * 7 + j * 3) % 5 == 0 ? 0 : 10.0 * ((i + 1) * (j + 2) % 11) + i + 0.25 * j;
            if (x[i, j] > 0) w.Flow("ct", "comtrade", "HS17", 2021, "X", countries[i], "USA", products[j], x[i, j]);
        }
        var db = await w.BuildAsync();

        Assert.Equal(["CHL|030214|0.92|false", "CHL|080440|1.15|true", "NOR|030214|1.38|true", "NOR|080440|0.2875|false",
            "PER|080440|2.875|true"], Rows(db,
            "SELECT country_iso3, product_code, rca, mcp FROM marts.country_product_rca WHERE year = 2020 ORDER BY ALL"));

        double total = 0;
        var rowSum = new double[countries.Length];
        var colSum = new double[products.Length];
        for (var i = 0; i < countries.Length; i++)
        for (var j = 0; j < products.Length; j++)
        {
            total += x[i, j];
            rowSum[i] += x[i, j];
            colSum[j] += x[i, j];
        }
        var actual = Duck.Query(db, "SELECT country_iso3, product_code, rca FROM marts.country_product_rca WHERE year = 2021")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (double)r[2]!);
        var expectedPairs = 0;
        for (var i = 0; i < countries.Length; i++)
        for (var j = 0; j < products.Length; j++)
        {
            if (x[i, j] == 0)
            {
                Assert.False(actual.ContainsKey((countries[i], products[j]))); // rca 0: not listed
                continue;
            }
            expectedPairs++;
            var expected = x[i, j] / rowSum[i] / (colSum[j] / total);
            var got = actual[(countries[i], products[j])];
            Assert.True(Math.Abs(got - expected) <= 1e-9 * expected, $"{countries[i]} {products[j]}: {got} vs {expected}");
        }
        Assert.Equal(expectedPairs, actual.Count);
    }
}
