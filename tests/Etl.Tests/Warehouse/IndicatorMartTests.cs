using System.Globalization;
using ClusterEtl.Tests.Support;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>The indicator marts on small hand-made trade flows, every value worked out in the comments.</summary>
public sealed class IndicatorMartTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => Duck.Cell(v);

    static List<string> Rows(string db, string sql) => Duck.Rows(db, sql);

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
    public async Task On_the_sample_the_decomposition_adds_up_and_salmon_2001_has_the_per_product_relative_unit_value()
    {
        var pipelines = _dir.Combine("run", "pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var outcome = await ClusterEtl.Jobs.Hangfire.PipelineRun.ExecuteAsync(new ClusterEtl.Transforms.Stages.RunRequest("r1", pipelines,
            _dir.Combine("run", "data"), Repo.Sql, false), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        var db = new ClusterEtl.Transforms.Kernel.DataLayout(_dir.Combine("run", "data")).WarehouseFile;
        var rows = Duck.Query(db, """
            SELECT delta_value_usd, world_demand_effect + market_share_effect + interaction_effect + unit_value_effect
            FROM marts.cluster_export_decomposition
            """);
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var delta = (double)r[0]!;
            var sum = (double)r[1]!;
            Assert.True(Math.Abs(delta - sum) <= 1e-9 * Math.Max(1, Math.Abs(delta)), $"{delta} vs {sum}");
        }
        // Chile's salmon 2001 in the BACI sample, product by product (Chile's unit value / the other exporters'):
        //   030212 410.0 M USD at 4.8235 USD/kg vs 4.5 -> 1.0719;   030310 250.0 M at 4 vs 4.5 -> 0.8889;
        //   030322 264.3 M at 4 vs 4.5 -> 0.8889;                    030541  40.0 M at 10 vs 4.5 -> 2.2222;
        //   weighted by those values (964.3 M): (410 x 1.0719 + 250 x 0.8889 + 264.3 x 0.8889 + 40 x 2.2222) / 964.3 = 1.022
        //   (the sample's quantities are rounded to the kg, so the others' unit values are 4.5 to 1e-8).
        //   On pooled kilograms the mart said 0.985. 2000 -> 2001: market share +12.9%, relative unit value +2.2%: upgrading.
        Assert.Equal(["1.022|upgrading"], Duck.Query(db, """
            SELECT round(e.relative_unit_value, 3), d.quadrant
            FROM marts.cluster_exports AS e
            JOIN marts.cluster_export_decomposition AS d ON d.cluster_id = e.cluster_id AND d.year_to = e.year AND d.comparison = 'consecutive'
            WHERE e.cluster_id = 'chile-salmon' AND e.year = 2001
            """).Select(r => string.Join("|", r.Select(Cell))));
    }

    /// <summary>
    /// Chile's salmon over twelve years, 2010-2021: BACI HS92 to 2016, then Comtrade, Chile reporting in HS17 and Norway in
    /// HS12 (2016 is in both: BACI counts). Two products with different unit values, fresh (HS92 030212, HS12/HS17 030214:
    /// one product, the concordance's salmon_fresh) and smoked (030541), which Chile exports in 2015 only.
    /// </summary>
    Task<string> TwelveYears()
    {
        var w = new TradeWarehouse(_dir).KeepClusters("chile-salmon");
        // Chile's fresh salmon to the USA (USD; kg only in 2010, 2015 and 2020) and Norway's.
        double[] chile = [1000, 1100, 1200, 1300, 1400, 1500, 1600, 1760, 1800, 1900, 3000, 3300];
        for (var y = 2010; y <= 2021; y++)
        {
            double? kg = y switch { 2010 => 200, 2015 => 250, 2020 => 500, _ => null };
            double norway = y switch { 2015 => 4000, 2020 => 6000, _ => 3000 };
            double? norwayKg = y switch { 2010 => 1000, 2015 => 1000, 2020 => 2000, _ => null };
            if (y <= 2016)
            {
                w.Flow("baci", "baci", "HS92", y, "X", "CHL", "USA", "030212", chile[y - 2010], kg);
                w.Flow("baci", "baci", "HS92", y, "X", "NOR", "USA", "030212", norway, norwayKg);
            }
            else
            {
                w.Flow("ct17", "comtrade", "HS17", y, "X", "CHL", "USA", "030214", chile[y - 2010], kg);
                w.Flow("ct12", "comtrade", "HS12", y, "X", "NOR", "USA", "030214", norway, norwayKg);
            }
        }
        // 2015: smoked salmon too, Chile 500 USD / 25 kg, Norway 1000 / 100 kg. 2016 in Comtrade as well (not used).
        w.Flow("baci", "baci", "HS92", 2015, "X", "CHL", "USA", "030541", 500, 25);
        w.Flow("baci", "baci", "HS92", 2015, "X", "NOR", "USA", "030541", 1000, 100);
        w.Flow("ct17", "comtrade", "HS17", 2016, "X", "CHL", "USA", "030214", 99999);
        return w.BuildAsync();
    }

    [Fact]
    public async Task Long_horizons_growth_across_a_change_of_trade_data_and_the_per_product_relative_unit_value()
    {
        var db = await TwelveYears();
        Assert.Equal(
        [
            // 2010: no 2009 nor 2005 in the data. RUV: fresh only, Chile 1000 / 200 = 5 USD/kg vs Norway 3000 / 1000 = 3:
            //   5 / 3 = 1.666666667.
            "2010|1000|NULL|NULL|NULL|NULL|1.666666667|baci HS92",
            // 2015: X = 1500 + 500 = 2000; growth 2000 / 1400 - 1 = 0.428571429; CAGR (2000 / 1000)^(1/5) - 1 = 0.148698355,
            //   BACI at both ends. RUV product by product: fresh 6 (1500 / 250) / 4 (4000 / 1000) = 1.5, smoked 20 / 10 = 2,
            //   weighted by Chile's values 1500 and 500: 0.75 x 1.5 + 0.25 x 2 = 1.625 (on pooled kilograms it was
            //   (2000 / 275) / (5000 / 1100) = 1.6, the mix read as price).
            "2015|2000|0.428571429|false|0.148698355|false|1.625|baci HS92",
            // 2016: BACI's 1600, not + Comtrade's 99999; 1600 / 2000 - 1 = -0.2; (1600 / 1100)^(1/5) - 1 = 0.077818068.
            "2016|1600|-0.2|false|0.077818068|false|NULL|baci HS92",
            // 2017: Comtrade (both vintages) after BACI: 1760 / 1600 - 1 = 0.1 across a switch, flagged; the CAGR too,
            //   (1760 / 1200)^(1/5) - 1 = 0.079608473 against BACI's 2012.
            "2017|1760|0.1|true|0.079608473|true|NULL|comtrade HS12, comtrade HS17",
            // 2020: 3000 / 1900 - 1 = 0.578947368; (3000 / 2000)^(1/5) - 1 = 0.084471771; RUV fresh only 6 / 3 = 2
            //   (Chile's HS17 030214 against Norway's HS12 030214: one product).
            "2020|3000|0.578947368|false|0.084471771|true|2|comtrade HS12, comtrade HS17",
            // 2021: 3300 / 3000 - 1 = 0.1; (3300 / 1600)^(1/5) - 1 = 0.155789624 against 2016 (BACI).
            "2021|3300|0.1|false|0.155789624|true|NULL|comtrade HS12, comtrade HS17",
        ], Rows(db, """
            SELECT year, export_value_usd, growth_yoy, basis_changed_yoy, cagr_5y, basis_changed_5y, relative_unit_value, trade_basis
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year IN (2010, 2015, 2016, 2017, 2020, 2021) ORDER BY year
            """));
    }

    [Fact]
    public async Task The_decomposition_is_done_product_by_product_over_the_window()
    {
        var db = await TwelveYears();
        // Only 2010, 2015 and 2020 have Chilean quantities: no consecutive pairs, two windows of 5 years.
        // 2010 -> 2015, per product (V unit value, Q Chile's kg, Qw the world's, M = Q / Qw):
        //   fresh:  V0 5, Q0 200, Qw0 1200, M0 1/6;  V1 6, Q1 250, Qw1 1250, M1 0.2; dM = 1/30
        //     world demand V1 M0 dQw = 6 x 1/6 x 50 = 50; market share V1 dM Qw0 = 6 x 1/30 x 1200 = 240;
        //     interaction V1 dM dQw = 6 x 1/30 x 50 = 10; unit value Q0 dV = 200 x 1 = 200    (sum 500 = 1500 - 1000)
        //   smoked, new in 2015: Q0 0, M0 0, Qw0 0 (nobody exported it); V1 20, Q1 25, Qw1 125, M1 0.2
        //     world demand 0; market share 20 x 0.2 x 0 = 0; interaction 20 x 0.2 x 125 = 500; unit value 0 (sum 500)
        //   totals: delta 2000 - 1000 = 1000 = 50 + 240 + (10 + 500) + 200. On pooled kilograms the unit value effect
        //   would have been 200 x (2000 / 275 - 5) = 454.5: the new, dearer product read as a price rise.
        //   Market share 200 / 1200 = 0.166666667 -> 275 / 1375 = 0.2 (+20%); relative unit value 1.666666667 -> 1.625
        //   (-2.5%): share up, unit value down: immiserising growth.
        // 2015 -> 2020 (BACI -> Comtrade: basis_changed):
        //   fresh:  V0 6, Q0 250, Qw0 1250, M0 0.2;  V1 6, Q1 500, Qw1 2500, M1 0.2
        //     world demand 6 x 0.2 x 1250 = 1500; the other effects 0
        //   smoked, gone in 2020 (nobody exports it): V1 = V0 = 20, Q0 25, Qw0 125, M0 0.2; Q1 0, Qw1 0, M1 0
        //     world demand 20 x 0.2 x (-125) = -500; market share 20 x (-0.2) x 125 = -500;
        //     interaction 20 x (-0.2) x (-125) = 500; unit value 0    (sum -500 = -X0)
        //   totals: delta 3000 - 2000 = 1000 = 1000 - 500 + 500 + 0. Market share 0.2 -> 500 / 2500 = 0.2: unchanged,
        //   so no quadrant ("within tolerance"), though the relative unit value rose 2 / 1.625 - 1 = 23.1%.
        Assert.Equal(
        [
            "window|2010|2015|1000|50|240|510|200|0.166666667|0.2|1.666666667|1.625|immiserising growth|0.2|-0.025|2|false",
            "window|2015|2020|1000|1000|-500|500|0|0.2|0.2|1.625|2|within tolerance|0|0.230769231|2|true",
        ], Rows(db, """
            SELECT comparison, year_from, year_to, delta_value_usd, world_demand_effect, market_share_effect, interaction_effect,
                   unit_value_effect, market_share_from, market_share_to, relative_unit_value_from, relative_unit_value_to,
                   quadrant, market_share_change, relative_unit_value_change, products, basis_changed
            FROM marts.cluster_export_decomposition WHERE cluster_id = 'chile-salmon' ORDER BY ALL
            """));
    }

    /// <summary>Two years in which Chile's market share moves by 0.08% and its relative unit value by 10%.</summary>
    TradeWarehouse TinyShareChange() => new TradeWarehouse(_dir).KeepClusters("chile-salmon")
        // 2020: Chile 1000 kg at 1 USD/kg, Norway 4000 kg at 1 USD/kg: M0 = 1000 / 5000 = 0.2, RUV0 = 1.
        .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 1000, 1000)
        .Flow("ct", "comtrade", "HS17", 2020, "X", "NOR", "USA", "030214", 4000, 4000)
        // 2021: Chile 1001 kg at 1.1 USD/kg (1101.1 USD), Norway the same: M1 = 1001 / 5001 = 0.200159968,
        //   M1 / M0 - 1 = 0.00079984 (0.08%); RUV1 = 1.1 / 1 = 1.1 (+10%).
        .Flow("ct", "comtrade", "HS17", 2021, "X", "CHL", "USA", "030214", 1101.1, 1001)
        .Flow("ct", "comtrade", "HS17", 2021, "X", "NOR", "USA", "030214", 4000, 4000);

    [Fact]
    public async Task A_market_share_change_within_the_tolerance_names_no_quadrant()
    {
        // Default quadrant_tolerance 0.001 (0.1%): the share's 0.08% is no change, so no quadrant.
        var db = await TinyShareChange().BuildAsync();
        Assert.Equal(["0.00079984|0.1|within tolerance"], Rows(db,
            "SELECT market_share_change, relative_unit_value_change, quadrant FROM marts.cluster_export_decomposition"));
    }

    [Fact]
    public async Task The_quadrant_tolerance_is_a_setting()
    {
        // With a tolerance of 0.0005 (0.05%) the 0.08% counts: share up, relative unit value up: upgrading.
        var db = await TinyShareChange().Settings("""{ "quadrant_tolerance": 0.0005 }""").BuildAsync();
        Assert.Equal(["upgrading"], Rows(db, "SELECT quadrant FROM marts.cluster_export_decomposition"));
        Assert.Equal("0.0005", Duck.Scalar(db, "SELECT value FROM ref.settings WHERE name = 'quadrant_tolerance'"));
    }

    [Fact]
    public async Task Destinations_new_markets_world_ranks_with_ties_and_a_trade_balance_only_when_imports_were_loaded()
    {
        var db = await new TradeWarehouse(_dir).KeepClusters("chile-salmon")
            // 2019: Chile to the USA 100 and Japan 100; Norway 1000.
            .Flow("ct", "comtrade", "HS17", 2019, "X", "CHL", "USA", "030214", 100)
            .Flow("ct", "comtrade", "HS17", 2019, "X", "CHL", "JPN", "030214", 100)
            .Flow("ct", "comtrade", "HS17", 2019, "X", "NOR", "USA", "030214", 1000)
            // 2020: Chile to the USA 150, Japan 50, Brazil 100 (new); Norway 600, Great Britain 300, Canada 100.
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 150)
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "JPN", "030214", 50)
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "BRA", "030214", 100)
            .Flow("ct", "comtrade", "HS17", 2020, "X", "NOR", "USA", "030214", 600)
            .Flow("ct", "comtrade", "HS17", 2020, "X", "GBR", "USA", "030214", 300)
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CAN", "USA", "030214", 100)
            // ... and the USA sends Chile cars: Chile's imports are in the data in 2020 (none of salmon).
            .Flow("ct", "comtrade", "HS17", 2020, "X", "USA", "CHL", "870323", 5000)
            // 2022 (2021 not in the data): Chile to the USA 100.
            .Flow("ct", "comtrade", "HS17", 2022, "X", "CHL", "USA", "030214", 100)
            .BuildAsync();
        Assert.Equal(
        [
            // 2019: 2018 is not in the data: no growth, not a new market.
            "2019|JPN|NULL|false", "2019|USA|NULL|false",
            // 2020: Brazil is new (nothing in 2019): growth NULL, never infinite; Japan 50 / 100 - 1; the USA 150 / 100 - 1.
            "2020|BRA|NULL|true", "2020|JPN|-0.5|false", "2020|USA|0.5|false",
            // 2022: 2021 is not in the data: no growth, and the USA is not called new.
            "2022|USA|NULL|false",
        ], Rows(db, "SELECT year, partner_key, growth_yoy, new_market FROM marts.cluster_destinations ORDER BY ALL"));
        // 2020 world exporters: NOR 600, CHL 300, GBR 300, CAN 100 (1300): ranks 1, 2, 2, 4 (tied exporters share a rank);
        //   HHI = (600² + 300² + 300² + 100²) / 1300² = 550000 / 1690000 = 0.325443787.
        Assert.Equal(["2|0.325443787"], Rows(db,
            "SELECT cluster_rank_world, exporter_hhi_world FROM marts.cluster_concentration WHERE cluster_id = 'chile-salmon' AND year = 2020"));
        // Trade balance: 2019 holds no import of Chile's at all (its imports were not loaded): NULL, not 200 - 0.
        // 2020: Chile's imports are loaded and hold no salmon: 300 - 0 = 300.
        Assert.Equal(["2019|NULL", "2020|300", "2022|NULL"], Rows(db,
            "SELECT year, trade_balance_usd FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year"));
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
