using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// marts.unit_value_checks and the trusted unit value of marts.cluster_exports, on hand-made flows of Chile's salmon
/// cluster (HS92 030212 fresh, 030310 frozen Pacific, 030322 frozen Atlantic, 030541 smoked). Unit values are powers of
/// two where the bands are worked out, so their logarithms (base 2 below; the mart uses natural logs, which scales the
/// median and the MAD alike and gives the same limits) are whole numbers. Defaults: k = 3, 5 observations, ratio 2.
/// </summary>
public sealed class UnitValueCheckTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// BACI 2001, fresh salmon (030212), six exporters with a unit value (value USD / kg):
    ///   NOR 200/100 = 2, CAN 400/100 = 4, GBR 800/200 = 4, USA 800/100 = 8, DNK 1600/200 = 8, CHL 5120/10 = 512;
    /// Chile also ships 1000 USD to Japan without a quantity, and Peru 300 USD without one (no unit value, not in the band).
    /// Chile's smoked salmon (030541): 900 USD, 100 kg = 9 USD/kg, its only exporter.
    /// Frozen Atlantic salmon (030322), no Chile: NOR, CAN, GBR, USA, DNK at exactly 4 USD/kg, PER 7.9, ARG 8.5.
    /// </summary>
    TradeWarehouse Salmon2001(TradeWarehouse w) => w
        .Flow("baci", "baci", "HS92", 2001, "X", "NOR", "USA", "030212", 200, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "CAN", "USA", "030212", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "GBR", "USA", "030212", 800, 200)
        .Flow("baci", "baci", "HS92", 2001, "X", "USA", "JPN", "030212", 800, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "DNK", "USA", "030212", 1600, 200)
        .Flow("baci", "baci", "HS92", 2001, "X", "CHL", "USA", "030212", 5120, 10)
        .Flow("baci", "baci", "HS92", 2001, "X", "CHL", "JPN", "030212", 1000)
        .Flow("baci", "baci", "HS92", 2001, "X", "PER", "USA", "030212", 300)
        .Flow("baci", "baci", "HS92", 2001, "X", "CHL", "USA", "030541", 900, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "NOR", "USA", "030322", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "CAN", "USA", "030322", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "GBR", "USA", "030322", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "USA", "JPN", "030322", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "DNK", "USA", "030322", 400, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "PER", "USA", "030322", 790, 100)
        .Flow("baci", "baci", "HS92", 2001, "X", "ARG", "USA", "030322", 850, 100);

    [Fact]
    public async Task A_unit_value_far_from_the_products_other_exporters_is_flagged_with_the_band_limits()
    {
        var db = await Salmon2001(new TradeWarehouse(_dir).KeepClusters("chile-salmon")).BuildAsync();

        // 030212, log2 of the six unit values: 1, 2, 2, 3, 3, 9. Median (even count: the mean of the middle two)
        // (2 + 3) / 2 = 2.5, i.e. 2^2.5 = 5.656854249 USD/kg. Absolute deviations 1.5, 0.5, 0.5, 0.5, 0.5, 6.5: MAD 0.5.
        // Half-width 3 x 1.4826 x 0.5 = 2.2239 (wider than log2 of the ratio 2, 1): limits 2^(2.5 - 2.2239) =
        // 2^0.2761 = 1.210917015 and 2^(2.5 + 2.2239) = 2^4.7239 = 26.426253486 USD/kg. Chile's 512 = 2^9 is above it;
        // Norway's 2 = 2^1 is inside. One year of each exporter's history: no own history verdict.
        Assert.Equal(
        [
            "CAN|4|6|5.656854249|1.210917015|26.426253486|false|1|NULL|0|400|NULL|NULL",
            // 5120 outside the band and 1000 without quantity: 6120 excluded, the band's share the larger.
            "CHL|512|6|5.656854249|1.210917015|26.426253486|true|1|NULL|6120|0|outside_product_band, no_quantity|outside_product_band",
            "DNK|8|6|5.656854249|1.210917015|26.426253486|false|1|NULL|0|1600|NULL|NULL",
            "GBR|4|6|5.656854249|1.210917015|26.426253486|false|1|NULL|0|800|NULL|NULL",
            "NOR|2|6|5.656854249|1.210917015|26.426253486|false|1|NULL|0|200|NULL|NULL",
            // Value and no quantity: no unit value, no verdict, all of it excluded.
            "PER|NULL|6|5.656854249|1.210917015|26.426253486|NULL|0|NULL|300|0|no_quantity|no_quantity",
            "USA|8|6|5.656854249|1.210917015|26.426253486|false|1|NULL|0|800|NULL|NULL",
        ], Duck.Rows(db, """
            SELECT exporter_key, unit_value_usd_kg, product_exporters, product_median_usd_kg, product_band_low_usd_kg,
                   product_band_high_usd_kg, outside_product_band, history_years, outside_own_history, excluded_value_usd,
                   trusted_value_usd, reasons, main_reason
            FROM marts.unit_value_checks WHERE year = 2001 AND product_code = '030212' ORDER BY exporter_key
            """));
        // 030541: one exporter, fewer than 5 unit values: no band, no verdict (NULL), nothing excluded.
        Assert.Equal(["CHL|9|1|NULL|NULL|NULL|900|0"], Duck.Rows(db, """
            SELECT exporter_key, unit_value_usd_kg, product_exporters, product_band_low_usd_kg, product_band_high_usd_kg,
                   outside_product_band, trusted_value_usd, excluded_value_usd
            FROM marts.unit_value_checks WHERE product_code = '030541'
            """));
    }

    [Fact]
    public async Task Nearly_equal_unit_values_keep_a_band_of_a_factor_two_so_rounding_is_never_an_outlier()
    {
        var db = await Salmon2001(new TradeWarehouse(_dir).KeepClusters("chile-salmon")).BuildAsync();
        // 030322: 4, 4, 4, 4, 4, 7.9, 8.5: median 4, deviations 0 (five times), ln(7.9/4), ln(8.5/4): MAD 0, so
        // 3 x 1.4826 x MAD = 0 and the band is the narrowest allowed, 4 / 2 = 2 to 4 x 2 = 8 USD/kg:
        // Peru's 7.9 is inside, Argentina's 8.5 outside.
        Assert.Equal(
        [
            "ARG|8.5|7|4|2|8|true",
            "CAN|4|7|4|2|8|false",
            "DNK|4|7|4|2|8|false",
            "GBR|4|7|4|2|8|false",
            "NOR|4|7|4|2|8|false",
            "PER|7.9|7|4|2|8|false",
            "USA|4|7|4|2|8|false",
        ], Duck.Rows(db, """
            SELECT exporter_key, unit_value_usd_kg, product_exporters, product_median_usd_kg, product_band_low_usd_kg,
                   product_band_high_usd_kg, outside_product_band
            FROM marts.unit_value_checks WHERE product_code = '030322' ORDER BY exporter_key
            """));
    }

    [Fact]
    public async Task The_cluster_mart_says_how_much_value_its_trusted_unit_value_leaves_out_and_why()
    {
        var db = await Salmon2001(new TradeWarehouse(_dir).KeepClusters("chile-salmon")).BuildAsync();
        // Chile 2001: 030212 5120 + 1000, 030541 900: X = 7020.
        //   unit_value_usd_kg (all flows with kg, as before): (5120 + 900) / (10 + 100) = 54.727272727
        //   trusted: 030212's unit value is outside the band, so only 030541: 900 / 100 = 9 USD/kg, base 900
        //   excluded 7020 - 900 = 6120, share 6120 / 7020 = 0.871794872; outside_product_band 5120 > no_quantity 1000.
        Assert.Equal(["7020|54.727272727|9|900|6120|0.871794872|outside_product_band"], Duck.Rows(db, """
            SELECT export_value_usd, unit_value_usd_kg, trusted_unit_value_usd_kg, unit_value_base_usd, unit_value_excluded_usd,
                   unit_value_excluded_share, unit_value_excluded_reason
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2001
            """));
    }

    [Fact]
    public async Task The_band_width_is_a_setting()
    {
        // k = 10: 030212's half-width 10 x 1.4826 x 0.5 = 7.413, upper limit 2^(2.5 + 7.413) = 2^9.913 = 964.07390769:
        // Chile's 512 is inside, and only its 1000 without quantity is excluded.
        var db = await Salmon2001(new TradeWarehouse(_dir).KeepClusters("chile-salmon"))
            .Settings("""{ "unit_value_band_k": 10 }""").BuildAsync();
        Assert.Equal(["964.073947690|false|1000|no_quantity"], Duck.Rows(db, """
            SELECT printf('%.9f', product_band_high_usd_kg), outside_product_band, excluded_value_usd, main_reason
            FROM marts.unit_value_checks WHERE exporter_key = 'CHL' AND product_code = '030212'
            """));
        Assert.Equal("10", Duck.Scalar(db, "SELECT value FROM ref.settings WHERE name = 'unit_value_band_k'"));
    }

    [Fact]
    public async Task A_year_far_from_the_exporters_own_history_is_flagged_and_a_short_history_gives_no_verdict()
    {
        // Frozen Pacific salmon (030310), BACI 1997-2001. Chile alone in five years: 2, 4, 4, 8, 1024 USD/kg (100 kg a
        // year); Norway in four years: 2, 2, 2, 2000 USD/kg. At most two exporters a year: no product band. The history
        // band of a year reads that year and the 10 before it (unit_value_history_years): only 2001 has five.
        var w = new TradeWarehouse(_dir).KeepClusters("chile-salmon");
        double[] chile = [200, 400, 400, 800, 102400];
        for (var y = 1997; y <= 2001; y++) w.Flow("baci", "baci", "HS92", y, "X", "CHL", "USA", "030310", chile[y - 1997], 100);
        double[] norway = [200, 200, 200, 200000];
        for (var y = 1997; y <= 2000; y++) w.Flow("baci", "baci", "HS92", y, "X", "NOR", "USA", "030310", norway[y - 1997], 100);
        var db = await w.BuildAsync();

        // Chile 2001, log2 of 1997-2001: 1, 2, 2, 3, 10: median 2 (4 USD/kg); deviations 1, 0, 0, 1, 8: MAD 1; half-width
        // 3 x 1.4826 x 1 = 4.4478: limits 2^(2 - 4.4478) = 0.183290002 and 2^(2 + 4.4478) = 87.293359164 USD/kg; 1024 =
        // 2^10 is outside. Chile 1997-2000 (1 to 4 years) and Norway (at most four years): no verdict, however far
        // Norway's 2000 is from its past.
        Assert.Equal(
        [
            "CHL|1997|2|1|NULL|NULL|NULL|NULL|NULL|NULL",
            "CHL|1998|4|2|NULL|NULL|NULL|NULL|NULL|NULL",
            "CHL|1999|4|3|NULL|NULL|NULL|NULL|NULL|NULL",
            "CHL|2000|8|4|NULL|NULL|NULL|NULL|NULL|NULL",
            "CHL|2001|1024|5|4|0.183290002|87.293359164|true|NULL|outside_own_history",
            "NOR|1997|2|1|NULL|NULL|NULL|NULL|NULL|NULL",
            "NOR|1998|2|2|NULL|NULL|NULL|NULL|NULL|NULL",
            "NOR|1999|2|3|NULL|NULL|NULL|NULL|NULL|NULL",
            "NOR|2000|2000|4|NULL|NULL|NULL|NULL|NULL|NULL",
        ], Duck.Rows(db, """
            SELECT exporter_key, year, unit_value_usd_kg, history_years,
                   CASE WHEN history_band_low_usd_kg IS NOT NULL THEN history_median_usd_kg END,
                   history_band_low_usd_kg, history_band_high_usd_kg, outside_own_history, outside_product_band, main_reason
            FROM marts.unit_value_checks ORDER BY exporter_key, year
            """));
        // The cluster's 2001: its only unit value is out, nothing is left: trusted unit value NULL, all 102400 excluded.
        Assert.Equal(["102400|1024|NULL|0|1|outside_own_history"], Duck.Rows(db, """
            SELECT export_value_usd, unit_value_usd_kg, trusted_unit_value_usd_kg, unit_value_base_usd, unit_value_excluded_share,
                   unit_value_excluded_reason
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2001
            """));
    }

    [Fact]
    public async Task The_own_history_reaches_back_unit_value_history_years()
    {
        // The same Chile as above with a history of 3 years: 2001 reads 1998-2001, four unit values: no verdict.
        var w = new TradeWarehouse(_dir).KeepClusters("chile-salmon").Settings("""{ "unit_value_history_years": 3 }""");
        double[] chile = [200, 400, 400, 800, 102400];
        for (var y = 1997; y <= 2001; y++) w.Flow("baci", "baci", "HS92", y, "X", "CHL", "USA", "030310", chile[y - 1997], 100);
        var db = await w.BuildAsync();
        Assert.Equal(["2001|4|NULL|NULL"], Duck.Rows(db, """
            SELECT year, history_years, history_band_high_usd_kg, outside_own_history FROM marts.unit_value_checks WHERE year = 2001
            """));
    }

    [Fact]
    public async Task Comtrade_quantities_in_other_units_and_zero_weights_are_left_out_of_unit_values()
    {
        // Comtrade 2020, HS17 fresh Atlantic salmon (030214, chile-salmon's HS92 030212 carried through the concordance).
        var db = await new TradeWarehouse(_dir).KeepClusters("chile-salmon")
            // Chile to the USA: 1000 USD, no net weight, 50 units ("u"): a quantity, but not in kg.
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "USA", "030214", 1000, null, 50, "u")
            // Chile to Japan: 500 USD declared with a net weight of 0 kg.
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "JPN", "030214", 500, 0)
            // Chile to Argentina: 300 USD, 30 kg: 10 USD/kg, the only unit value.
            .Flow("ct", "comtrade", "HS17", 2020, "X", "CHL", "ARG", "030214", 300, 30)
            // Peru reported nothing; the USA's import of its salmon, 540 CIF = 500 FOB, comes in litres: the mirror's unit.
            .Flow("ct", "comtrade", "HS17", 2020, "M", "USA", "PER", "030214", 540, null, 20, "l")
            .BuildAsync();
        Assert.Equal(
        [
            "CHL|1800|300|10|0|1000|u|500|quantity_unit_not_kg, zero_quantity|quantity_unit_not_kg|1500",
            "PER|500|0|NULL|0|500|l|0|quantity_unit_not_kg|quantity_unit_not_kg|500",
        ], Duck.Rows(db, """
            SELECT exporter_key, value_usd, value_with_kg_usd, unit_value_usd_kg, value_no_quantity_usd, value_unit_not_kg_usd,
                   other_quantity_units, value_zero_quantity_usd, reasons, main_reason, excluded_value_usd
            FROM marts.unit_value_checks ORDER BY exporter_key
            """));
        // The cluster: X = 1800, trusted unit value 300 / 30 = 10; excluded 1500 (share 1500 / 1800 = 0.833333333), the
        // larger part (1000) for a unit that is not kg.
        Assert.Equal(["1800|10|10|300|1500|0.833333333|quantity_unit_not_kg"], Duck.Rows(db, """
            SELECT export_value_usd, unit_value_usd_kg, trusted_unit_value_usd_kg, unit_value_base_usd, unit_value_excluded_usd,
                   unit_value_excluded_share, unit_value_excluded_reason
            FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2020
            """));
    }
}
