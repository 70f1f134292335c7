using System.Globalization;
using System.Text;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>Producer prices and FAOSTAT production in the marts, on hand-made FAOSTAT rows, every value worked out in the comments.</summary>
public sealed class PriceMartTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => Duck.Cell(v);

    static List<string> Rows(string db, string sql) => Duck.Rows(db, sql);

    /// <summary>A deflator of 100 in every year: real prices equal nominal ones, so the arithmetic below stays readable.</summary>
    static string FlatDeflator()
    {
        var csv = new StringBuilder("series,year,value,source\n");
        for (var y = 2000; y <= 2024; y++) csv.Append(CultureInfo.InvariantCulture, $"US_CPI_U,{y},100,flat test deflator\n");
        return csv.ToString();
    }

    [Fact]
    public async Task Price_changes_compare_like_items_over_thirteen_years_and_a_zero_price_has_no_logarithm()
    {
        // Peru's mangoes (FAO 571) priced 2008-2020, avocados (572) from 2014 on (USD/t):
        //   mango   2008-2010 100, 2011 0 (a zero price), 2012 100, 2013 125, 2014 100, 2015 125, 2016 100, 2017 125,
        //           2018 100, 2019 100, 2020 200
        //   avocado 2014 1000, 2015 1000, 2016 1250, 2017-2020 1000
        var w = new TradeWarehouse(_dir).KeepClusters()
            .AddCluster("peru-fruit", """
                { "id": "peru-fruit", "name": "Fruit, Peru", "country": "PER",
                  "products": { "hs": ["080440"], "hs_vintage": "HS92", "fao_items": [571, 572] } }
                """)
            .Reference("deflators.csv", FlatDeflator());
        double[] mango = [100, 100, 100, 0, 100, 125, 100, 125, 100, 125, 100, 100, 200];
        for (var y = 2008; y <= 2020; y++) w.FaoPrice("pp", "PER", 571, y, mango[y - 2008]);
        double[] avocado = [1000, 1000, 1250, 1000, 1000, 1000, 1000];
        for (var y = 2014; y <= 2020; y++) w.FaoPrice("pp", "PER", 572, y, avocado[y - 2014]);
        var db = await w.BuildAsync();

        Assert.Equal(
        [
            // year | mean price | items | growth (items priced in both years) | 10-year change | volatility | CV
            // 2011: 0 / 100 - 1 = -1; ln 0 does not exist: no log change (it failed the whole build before).
            //   CV needs five years: 2007 is missing.
            "2011|0|1|-1|NULL|NULL|NULL",
            // 2012: from a price of 0: no growth. CV of 100, 100, 100, 0, 100: mean 80, sd sqrt(8000 / 4) = 44.72136,
            //   0.559016994.
            "2012|100|1|NULL|NULL|NULL|0.559016994",
            "2013|125|1|0.25|NULL|NULL|0.573340844",
            // 2014: avocados enter. The mean jumps from 125 to (100 + 1000) / 2 = 550, but the price change compares
            //   mangoes alone: 100 / 125 - 1 = -0.2 (the mean said +340%). CV on mangoes (avocados lack 2010-2013).
            "2014|550|2|-0.2|NULL|NULL|0.573340844",
            // 2015: (125 + 1000) / (100 + 1000) - 1 = 0.022727273.
            "2015|562.5|2|0.022727273|NULL|NULL|0.57601226",
            // 2016: (100 + 1250) / (125 + 1000) - 1 = 0.2. CV of mangoes 2012-2016: 100, 125, 100, 125, 100: mean 110,
            //   sd sqrt(750 / 4) = 13.693064, 0.124482399.
            "2016|675|2|0.2|NULL|NULL|0.124482399",
            // 2017: (125 + 1000) / (100 + 1250) - 1 = -0.166666667. Volatility: the log changes of 2013-2017,
            //   ln 1.25, ln 0.8, ln (1125 / 1100), ln 1.2, ln (1125 / 1350) = 0.223144, -0.223144, 0.022473, 0.182322,
            //   -0.182322: sample sd 0.204005155. (2016's window holds 2012, which has no log change: NULL.)
            "2017|562.5|2|-0.166666667|NULL|0.204005155|0.119070121",
            // 2018: (100 + 1000) / (125 + 1000) - 1 = -0.022222222; 10 years: mangoes alone (no avocado in 2008):
            //   (100 / 100)^(1/10) - 1 = 0. CV of both items 2014-2018: 1100, 1125, 1350, 1125, 1100: 0.092195042.
            "2018|550|2|-0.022222222|0|0.163803842|0.092195042",
            "2019|550|2|0|0|0.129896457|0.092195042",
            // 2020: (200 + 1000) / (100 + 1000) - 1 = 0.090909091; 10 years on mangoes: (200 / 100)^(1/10) - 1 =
            //   0.071773463 (on the means it would have been (600 / 100)^(1/10) - 1 = 0.196).
            "2020|600|2|0.090909091|0.071773463|0.135761984|0.090268951",
        ], Rows(db, """
            SELECT year, producer_price_usd_t, price_items, growth_yoy, avg_real_change_10y, volatility_5y, price_cv_5y
            FROM marts.cluster_prices WHERE cluster_id = 'peru-fruit' AND year >= 2011 ORDER BY year
            """));
    }

    [Fact]
    public async Task One_faostat_source_per_figure_and_dairy_in_milk_equivalent()
    {
        var db = await new TradeWarehouse(_dir).KeepClusters("uruguay-dairy")
            // Uruguay's milk production (FAO 882, t) in three sources: an old QC download (1998-2001) and two QCL
            // downloads, one to 2001 and one to 2002. Per year one source: QCL before QC, then the one reaching the
            // latest year (qcl_b), then the source id.
            .FaoProduction("qc_old", "URY", 882, 1999, 1_450_000, "QC")
            .FaoProduction("qc_old", "URY", 882, 2000, 1_480_000, "QC")
            .FaoProduction("qc_old", "URY", 882, 2001, 1_490_000, "QC")
            .FaoProduction("qcl_a", "URY", 882, 2000, 1_500_000)
            .FaoProduction("qcl_a", "URY", 882, 2001, 1_510_000)
            .FaoProduction("qcl_b", "URY", 882, 2000, 1_520_000)
            .FaoProduction("qcl_b", "URY", 882, 2001, 1_530_000)
            .FaoProduction("qcl_b", "URY", 882, 2002, 1_540_000)
            // Producer prices of milk (USD/t) in two sources: pp_b reaches 2001, so its 180 is taken (not the mean, 190).
            .FaoPrice("pp_a", "URY", 882, 2000, 200)
            .FaoPrice("pp_b", "URY", 882, 2000, 180)
            .FaoPrice("pp_b", "URY", 882, 2001, 190)
            // 2000 exports to Brazil: milk powder 040221 2,000,000 USD / 1,000 t; cheese 040690 1,500,000 USD / 500 t;
            // whey 040410 100,000 USD / 200 t.
            .Flow("baci", "baci", "HS92", 2000, "X", "URY", "BRA", "040221", 2_000_000, 1_000_000)
            .Flow("baci", "baci", "HS92", 2000, "X", "URY", "BRA", "040690", 1_500_000, 500_000)
            .Flow("baci", "baci", "HS92", 2000, "X", "URY", "BRA", "040410", 100_000, 200_000)
            .BuildAsync();

        // 1999: qc_old alone. 2000: qcl_b (QCL, reaching 2002) of three sources; 2001 the same; 2002: qcl_b alone.
        Assert.Equal(["1999|qc_old|1450000|1", "2000|qcl_b|1520000|3", "2001|qcl_b|1530000|3", "2002|qcl_b|1540000|1"], Rows(db,
            "SELECT year, source_id, production_t, sources FROM intermediate.int_fao_production WHERE area_iso3 = 'URY' ORDER BY year"));
        // Milk equivalent (ref.primary_equivalents): powder 1,000 t x 7.6 + cheese 500 t x 4.4 = 7,600 + 2,200 = 9,800 t
        // of milk; whey has no factor and adds nothing. Share of production 9,800 / 1,520,000 = 0.006447368 (before:
        // product tonnes over the three sources' sum, 1,700 / 4,500,000 = 0.000378).
        // Value per tonne of milk: (2,000,000 + 1,500,000) / 9,800 = 357.142857143 USD/t.
        Assert.Equal(["9800|0.006447368|357.142857143"], Rows(db, """
            SELECT export_qty_primary_t, export_share_of_production, unit_value_primary_usd_t
            FROM marts.cluster_exports WHERE cluster_id = 'uruguay-dairy' AND year = 2000
            """));
        // Farm-gate share: 180 / 357.142857143 = 0.504, both per tonne of milk (on product tonnes it read
        // 190 / (3,600,000 / 1,700) = 0.0897). The export unit value per tonne of product stays 3,600,000 / 1,700 = 2117.647058824.
        Assert.Equal(["180|0.504|357.142857143|2117.647058824"], Rows(db, """
            SELECT producer_price_usd_t, farm_gate_share, export_unit_value_primary_usd_t, export_unit_value_usd_t
            FROM marts.cluster_prices WHERE cluster_id = 'uruguay-dairy' AND year = 2000
            """));
    }
}
