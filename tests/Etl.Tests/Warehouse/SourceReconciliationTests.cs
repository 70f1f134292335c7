using System.Globalization;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>marts.source_reconciliation, check by check, on hand-made FAOSTAT, BACI, Comtrade, DENUE and census rows.</summary>
public sealed class SourceReconciliationTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => Duck.Cell(v);

    static List<string> Rows(string db, string sql) => Duck.Rows(db, sql);

    const string Figures = """
        SELECT year, check_name, left_value, right_value, ratio, gap, gap_index, threshold, flagged, reason_code
        FROM marts.source_reconciliation WHERE cluster_id = '{0}' ORDER BY year, check_name
        """;

    static List<string> FiguresOf(string db, string cluster) => Rows(db, string.Format(CultureInfo.InvariantCulture, Figures, cluster));

    /// <summary>
    /// Colombian coffee (FAO item 656 = HS 090111, shared with no other item) and Brazilian mango (571 = HS 080450, which
    /// FAOSTAT also maps items 603 and 604 to) in BACI HS92, 2000-2002, and FAOSTAT TCL and QCL, 2001-2003.
    /// </summary>
    TradeWarehouse FaoAndBaci() => new TradeWarehouse(_dir).KeepClusters("colombia-coffee", "brazil-mango")
        // 2000: Colombia exports coffee, FAOSTAT has no figure for 2000: no row.
        .Flow("baci", "baci", "HS92", 2000, "X", "COL", "USA", "090111", 900, 450)
        // 2001: to the USA 600 USD with 300 kg, to Germany 400 USD without a quantity: value 1000, quantity 0.3 t, of which
        // 400 / 1000 = 40% of the value has no weight. Brazil's coffee makes 090111 a product of the year's data.
        .Flow("baci", "baci", "HS92", 2001, "X", "COL", "USA", "090111", 600, 300)
        .Flow("baci", "baci", "HS92", 2001, "X", "COL", "DEU", "090111", 400)
        .Flow("baci", "baci", "HS92", 2001, "X", "BRA", "USA", "090111", 1000, 500)
        .Flow("baci", "baci", "HS92", 2001, "X", "BRA", "USA", "080450", 100, 50)
        // 2002: only Brazil exports coffee: the basis holds 090111, Colombia exported none (0, not NULL).
        .Flow("baci", "baci", "HS92", 2002, "X", "BRA", "USA", "090111", 500, 250)
        // FAOSTAT: 2001 value 1.2 thousand USD (official), quantity 0.5 t (estimated, E); 2002 value 0.3 thousand USD only;
        // 2003 (no trade data) value 0.1 thousand USD and 0.2 t.
        .FaoExports("tcl", "COL", 656, 2001, 0.5, 1.2, qtyFlag: "E")
        .FaoExports("tcl", "COL", 656, 2002, null, 0.3)
        .FaoExports("tcl", "COL", 656, 2003, 0.2, 0.1)
        .FaoProduction("qcl", "COL", 656, 2001, 0.4)
        // An older download holding 2001 alone: one source per figure, the one reaching the latest year (tcl, 2003).
        .FaoExports("tcl_older", "COL", 656, 2001, 9.0, 9.0)
        .FaoExports("tcl", "BRA", 571, 2001, 0.05, 0.1);

    [Fact]
    public async Task Faostat_exports_are_checked_against_the_trade_basis_in_the_items_hs_products()
    {
        var db = await FaoAndBaci().BuildAsync();
        Assert.Equal(
        [
            // 2001 quantity: L 0.5 t, R 300 kg = 0.3 t: ratio 0.5 / 0.3 = 1.666666667, gap 0.2, discrepancy 0.2 / 0.8 = 0.25
            // > 0.1: flagged; FAOSTAT's figure is estimated (E) and 40% of the trade value has no weight.
            "2001|fao_trade_quantity|0.5|0.3|1.666666667|0.2|0.25|0.1|true|fao_estimate_flag, quantity_unit",
            // 2001 value: L 1.2 x 1000 = 1200, R 600 + 400 = 1000: ratio 1.2, gap 200, discrepancy 200 / 2200 = 0.090909091,
            // not above 0.1; official figure, one FAO item per HS code, no re-exports: no reason.
            "2001|fao_trade_value|1200|1000|1.2|200|0.090909091|0.1|false|NULL",
            // 2002 value: L 300, R 0 (the basis holds 090111, Colombia exported none): ratio NULL (zero base), gap 300,
            // discrepancy 300 / 300 = 1: flagged. No quantity row: FAOSTAT has no 2002 quantity.
            "2002|fao_trade_value|300|0|NULL|300|1|0.1|true|NULL",
            // 2003: no trade data: the trade side is NULL, not 0, and nothing is flagged.
            "2003|fao_trade_quantity|0.2|NULL|NULL|NULL|NULL|0.1|NULL|NULL",
            "2003|fao_trade_value|100|NULL|NULL|NULL|NULL|0.1|NULL|NULL",
        ], FiguresOf(db, "colombia-coffee").Where(r => r.Contains("fao_trade")));
        Assert.Equal(
        [
            "2001|fao_trade_quantity|FAO items 656; HS products the country exported: HS92 090111",
            "2003|fao_trade_value|FAO items 656; no trade data of the year holds their HS products",
        ], Rows(db, """
            SELECT year, check_name, compared FROM marts.source_reconciliation
            WHERE cluster_id = 'colombia-coffee' AND (year, check_name) IN ((2001, 'fao_trade_quantity'), (2003, 'fao_trade_value'))
            ORDER BY year
            """));
        Assert.Equal("FAOSTAT figure not official, item and flag: 656 E; 40.0% of the trade value has no net weight in kg", Duck.Scalar(db, """
            SELECT reason_detail FROM marts.source_reconciliation
            WHERE cluster_id = 'colombia-coffee' AND year = 2001 AND check_name = 'fao_trade_quantity'
            """));
        // 2001 is held by two sources: tcl (reaching 2003) is used, not added to tcl_older's 9 t and 9,000 USD.
        Assert.Equal(["tcl|2|0.5|1200"], Rows(db, """
            SELECT source_id, sources, export_qty_t, export_value_usd FROM intermediate.int_fao_trade WHERE area_iso3 = 'COL' AND year = 2001
            """));
        Assert.Equal(["trade basis (baci HS92)", "trade basis (none covering the products)"], Rows(db, """
            SELECT DISTINCT right_source FROM marts.source_reconciliation WHERE check_name = 'fao_trade_value' ORDER BY 1
            """));
    }

    [Fact]
    public async Task An_hs_product_holding_other_fao_items_is_a_product_coverage_reason()
    {
        var db = await FaoAndBaci().BuildAsync();
        // Brazil 2001: FAOSTAT 0.1 thousand USD = 100 and 0.05 t against BACI 100 USD and 50 kg: they agree (discrepancy 0),
        // and FAOSTAT maps items 603 and 604 to HS 080450 too (pipelines/reference/fao_items.csv).
        Assert.Equal(
        [
            "2001|export_share_of_production|0.05|NULL|NULL|NULL|NULL|1|NULL|NULL",
            "2001|fao_trade_quantity|0.05|0.05|1|0|0|0.1|false|product_coverage",
            "2001|fao_trade_value|100|100|1|0|0|0.1|false|product_coverage",
        ], FiguresOf(db, "brazil-mango"));
        Assert.Equal("HS product shared with other FAO items: HS92 080450 also holds 603 Other tropical fruits, n.e.c., 604 Other tropical fruit, dried",
            Duck.Scalar(db, "SELECT reason_detail FROM marts.source_reconciliation WHERE cluster_id = 'brazil-mango' AND check_name = 'fao_trade_value'"));
    }

    [Fact]
    public async Task The_export_share_of_production_is_flagged_above_one()
    {
        var db = await FaoAndBaci().BuildAsync();
        Assert.Equal(
        [
            // 2001: 0.5 t exported of 0.4 t produced: share 1.25 > 1, flagged; the export quantity is estimated (E).
            "2001|export_share_of_production|0.5|0.4|1.25|0.1|1.25|1|true|fao_estimate_flag",
            // 2003: FAOSTAT has no production: NULL, not flagged. 2002 has no export quantity: no row.
            "2003|export_share_of_production|0.2|NULL|NULL|NULL|NULL|1|NULL|NULL",
        ], FiguresOf(db, "colombia-coffee").Where(r => r.Contains("export_share")));
        Assert.Equal("FAOSTAT figure not official, item, figure and flag: 656 export quantity E", Duck.Scalar(db, """
            SELECT reason_detail FROM marts.source_reconciliation
            WHERE cluster_id = 'colombia-coffee' AND year = 2001 AND check_name = 'export_share_of_production'
            """));
    }

    [Fact]
    public async Task The_thresholds_are_settings()
    {
        var db = await FaoAndBaci().Settings("""{ "fao_trade_discrepancy_threshold": 0.05, "export_share_threshold": 1.5 }""").BuildAsync();
        // 2001 value: discrepancy 0.090909091 > 0.05 now flags; the share 1.25 is no longer above 1.5.
        Assert.Equal(["2001|export_share_of_production|1.5|false", "2001|fao_trade_value|0.05|true"], Rows(db, """
            SELECT year, check_name, threshold, flagged FROM marts.source_reconciliation
            WHERE cluster_id = 'colombia-coffee' AND year = 2001 AND check_name IN ('fao_trade_value', 'export_share_of_production')
            ORDER BY check_name
            """));
        Assert.Equal(["census_discrepancy_threshold|0.2", "export_share_threshold|1.5", "fao_trade_discrepancy_threshold|0.05",
                      "mirror_discrepancy_threshold|0.1"], Rows(db, """
            SELECT name, value FROM ref.settings WHERE name LIKE '%threshold' AND name <> 'complexity_rca_threshold' ORDER BY name
            """));
    }

    [Fact]
    public void A_discrepancy_threshold_outside_zero_to_one_is_refused_naming_the_setting()
    {
        _dir.Write("pipelines/warehouse.json", """{ "mirror_discrepancy_threshold": 1.5 }""");
        var e = Assert.Throws<DefinitionException>(() => WarehouseSettings.Load(_dir.Combine("pipelines")));
        Assert.Contains("mirror_discrepancy_threshold", e.Message);
        Assert.Contains("between 0 and 1", e.Message);
        // Unset thresholds keep their defaults.
        _dir.Write("pipelines/warehouse.json", """{ "export_share_threshold": 0.9 }""");
        Assert.Equal(new ReconciliationThresholds(0.1, 0.1, 0.9, 0.2), WarehouseSettings.Load(_dir.Combine("pipelines")).Thresholds);
    }

    /// <summary>
    /// Colombian coffee written in HS17 with Comtrade 2020: Colombia's reported exports and its partners' imports (CIF,
    /// / 1.08 to FOB), a re-export, and FAOSTAT figures for the same year.
    /// </summary>
    TradeWarehouse ComtradeMirror() => new TradeWarehouse(_dir).KeepClusters()
        .AddCluster("coffee-hs17", """
            { "id": "coffee-hs17", "name": "Coffee, Colombia, in HS17", "country": "COL",
              "products": { "hs": ["090111"], "hs_vintage": "HS17", "fao_items": [656] } }
            """)
        // Both sides: USA X 1000, M 1188 CIF = 1100 FOB (X - M = -100); DEU X 500, M 432 = 400 (+100);
        // JPN X 300, M 270 = 250 (+50); BEL X 200, M 216 = 200 (0).
        .Flow("ct", "comtrade", "HS17", 2020, "X", "COL", "USA", "090111", 1000, 500)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "USA", "COL", "090111", 1188)
        .Flow("ct", "comtrade", "HS17", 2020, "X", "COL", "DEU", "090111", 500, 250)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "DEU", "COL", "090111", 432)
        .Flow("ct", "comtrade", "HS17", 2020, "X", "COL", "JPN", "090111", 300, 150)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "JPN", "COL", "090111", 270)
        .Flow("ct", "comtrade", "HS17", 2020, "X", "COL", "BEL", "090111", 200, 100)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "BEL", "COL", "090111", 216)
        // One side only: Canada did not report its import (X 100), France reported one Colombia did not (54 CIF = 50 FOB).
        .Flow("ct", "comtrade", "HS17", 2020, "X", "COL", "CAN", "090111", 100, 50)
        .Flow("ct", "comtrade", "HS17", 2020, "M", "FRA", "COL", "090111", 54)
        // Colombia re-exported 40 USD of coffee to the USA.
        .Flow("ct", "comtrade", "HS17", 2020, "RX", "COL", "USA", "090111", 40)
        // 2021: Colombia reported an export, nobody reported the import: no pair, no mirror row.
        .Flow("ct", "comtrade", "HS17", 2021, "X", "COL", "USA", "090111", 700, 350)
        // FAOSTAT 2020: 2.2 thousand USD and 1.0 t exported, 0.8 t produced.
        .FaoExports("tcl", "COL", 656, 2020, 1.0, 2.2)
        .FaoProduction("qcl", "COL", 656, 2020, 0.8);

    [Fact]
    public async Task Reported_exports_are_checked_against_mirror_imports_converted_to_fob()
    {
        var db = await ComtradeMirror().BuildAsync();
        // Pairs both sides reported: X = 1000 + 500 + 300 + 200 = 2000, M_fob = 1100 + 400 + 250 + 200 = 1950:
        // ratio 2000 / 1950 = 1.025641026, gap 50, discrepancy 50 / 3950 = 0.012658228, not above 0.1.
        // The country reported re-exports (40): re_exports. 2021 has no pair: no row.
        Assert.Equal(["2020|mirror_exports_value|2000|1950|1.025641026|50|0.012658228|0.1|false|re_exports"],
            FiguresOf(db, "coffee-hs17").Where(r => r.Contains("mirror")));
        Assert.Equal(
        [
            "DEU: X 500.00, M_fob 400.00 (+100.00); USA: X 1000.00, M_fob 1100.00 (-100.00); JPN: X 300.00, M_fob 250.00 (+50.00)",
            "4 partner(s) reported by both sides; left out, exports no partner reported: 100.00 USD, mirror imports the country did not report: 50.00 USD (FOB)",
            "the country reported re-exports of 40.00 USD of the products",
            "Comtrade mirror imports of its partners (CIF / (1 + 0.08))",
        ], Duck.Query(db, """
            SELECT largest_partner_gaps, compared, reason_detail, right_source
            FROM marts.source_reconciliation WHERE check_name = 'mirror_exports_value'
            """).Single().Select(Cell));
    }

    [Fact]
    public async Task Re_exports_explain_faostat_gaps_and_the_mirror_threshold_is_a_setting()
    {
        var db = await ComtradeMirror().Settings("""{ "mirror_discrepancy_threshold": 0.01 }""").BuildAsync();
        Assert.Equal(
        [
            // Share: 1.0 / 0.8 = 1.25 > 1, flagged; exported but not produced: the re-exports.
            "2020|export_share_of_production|1|0.8|1.25|0.2|1.25|1|true|re_exports",
            // Trade basis 2020 (Comtrade HS17): Colombia's 090111 = reported 2000 + Canada 100 + France's mirror 50 = 2150;
            // FAOSTAT 2200: ratio 1.023255814, gap 50, discrepancy 50 / 4350 = 0.011494253.
            // Quantity: 1.0 t against 500 + 250 + 150 + 100 + 50 kg = 1.05 t (France's mirror has no weight: 50 of 2150 USD
            // without one): ratio 0.952380952, gap -0.05, discrepancy 0.05 / 2.05 = 0.024390244.
            "2020|fao_trade_quantity|1|1.05|0.952380952|-0.05|0.024390244|0.1|false|re_exports, quantity_unit",
            "2020|fao_trade_value|2200|2150|1.023255814|50|0.011494253|0.1|false|re_exports",
            // Mirror: discrepancy 0.012658228 > 0.01 now flags.
            "2020|mirror_exports_value|2000|1950|1.025641026|50|0.012658228|0.01|true|re_exports",
        ], FiguresOf(db, "coffee-hs17"));
    }

    /// <summary>
    /// Puebla furniture (mexico-furniture: SCIAN 3371 in state 21). DENUE snapshots 2014 (2 establishments), 2019 (3) and
    /// 2024 (4); census 1999, 2014 and 2019.
    /// </summary>
    TradeWarehouse DenueAndCensus()
    {
        var w = new TradeWarehouse(_dir).KeepClusters("mexico-furniture");
        foreach (var source in new[] { "denue_2014", "denue_2019", "denue_2024" })
            w.Establishment(source, 1, "337120", "21114", "0 a 5 personas", "2010-01")
             .Establishment(source, 2, "337120", "21140", "6 a 10 personas", "2014-05");
        w.Establishment("denue_2019", 3, "337110", "21114", "11 a 30 personas", "2019-06")
         .Establishment("denue_2024", 3, "337110", "21114", "11 a 30 personas", "2019-06")
         .Establishment("denue_2024", 4, "337110", "21114", "0 a 5 personas", "2024-02");
        return w
            // 1999: Puebla 3371 has 100 units, but no DENUE snapshot is nearer to 1999 than to another census: no row.
            .Census("saic", 1999, "21", "3371", 900, 90, units: 100)
            // 2014: only the subsector 337 is published for Puebla, and its units are withheld.
            .Census("saic", 2014, "21", "337", null, null, units: null)
            // 2019: Puebla 3371 has 4 units.
            .Census("saic", 2019, "21", "3371", 40, 4, units: 4);
    }

    [Fact]
    public async Task Denue_establishments_are_checked_against_census_units_of_the_nearest_census()
    {
        var db = await DenueAndCensus().BuildAsync();
        Assert.Equal(
        [
            // 2014: DENUE 2014 has 2 establishments; the census cell (337, coarser than 3371) withholds UE: NULL, not 0.
            "2014|denue_census_units|2|NULL|NULL|NULL|NULL|0.2|NULL|product_coverage, confidential_cell",
            // 2019: DENUE 2019 (3) against 4 units: ratio 0.75, gap -1, discrepancy 1 / 7 = 0.142857143, not above 0.2.
            // The 2024 snapshot's nearest census is 2019 too, but 2019 keeps its own snapshot.
            "2019|denue_census_units|3|4|0.75|-1|0.142857143|0.2|false|NULL",
        ], FiguresOf(db, "mexico-furniture"));
        Assert.Equal(
        [
            "DENUE snapshot 2014|census read at 3 digits (337), coarser than the cluster's 4-digit codes; UE withheld in 1 of 1 census cells; the others hold 0 units|SCIAN 337 in areas 21; DENUE 2014 against census 2014",
            "DENUE snapshot 2019|NULL|SCIAN 3371 in areas 21; DENUE 2019 against census 2019",
        ], Rows(db, "SELECT left_source, reason_detail, compared FROM marts.source_reconciliation ORDER BY year"));
    }

    [Fact]
    public async Task The_census_threshold_is_a_setting()
    {
        var db = await DenueAndCensus().Settings("""{ "census_discrepancy_threshold": 0.1 }""").BuildAsync();
        // 0.142857143 > 0.1: flagged.
        Assert.Equal(true, Duck.Scalar(db, "SELECT flagged FROM marts.source_reconciliation WHERE year = 2019"));
    }

    [Fact]
    public async Task Without_a_second_source_there_is_no_row()
    {
        // BACI only, no FAOSTAT, DENUE or census: nothing to compare, and no mirror for reconciled BACI flows.
        var db = await new TradeWarehouse(_dir).KeepClusters("colombia-coffee")
            .Flow("baci", "baci", "HS92", 2001, "X", "COL", "USA", "090111", 600, 300)
            .BuildAsync();
        Assert.Equal(0L, Duck.Scalar(db, "SELECT count(*) FROM marts.source_reconciliation"));
    }
}
