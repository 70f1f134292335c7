using System.Globalization;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>DENUE snapshots, firm concentration bounds and the census regional share, on hand-made INEGI rows.</summary>
public sealed class FirmMartTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => Duck.Cell(v);

    static List<string> Rows(string db, string sql) => Duck.Rows(db, sql);

    /// <summary>
    /// Puebla furniture (mexico-furniture: SCIAN 3371 in state 21) in two DENUE snapshots, 2019 and 2024; the 2024 one comes as
    /// a national extract and a Puebla extract that overlap. Establishments 1-6 exist in both years; 7 (251 y más) and 8
    /// are new. An avocado packer in Uruapan (not furniture) dates each extract.
    /// </summary>
    Task<string> TwoSnapshots()
    {
        var w = new TradeWarehouse(_dir).KeepClusters("mexico-furniture");
        foreach (var source in new[] { "denue_2019", "denue_2024_mx" })
        {
            w.Establishment(source, 1, "337120", "21114", "101 a 250 personas", "2010-01")
             .Establishment(source, 2, "337120", "21114", "11 a 30 personas", "2015-03")
             .Establishment(source, 3, "337120", "21114", "11 a 30 personas", "2019-06")
             .Establishment(source, 4, "337120", "21114", "0 a 5 personas", "2012-01")
             .Establishment(source, 5, "337120", "21114", "0 a 5 personas", "2012-01")
             .Establishment(source, 6, "337120", "21114", "0 a 5 personas", "2012-01");
        }
        // 2019: the newest registration of the extract is 2019-06 (establishment 3): snapshot 2019.
        w.Establishment("denue_2019", 100, "115113", "16102", "6 a 10 personas", "2018-01");
        // 2024, national: the newest furniture registration is 2020-02 (establishment 7), but the extract's newest is the
        // packer's 2024-11: snapshot 2024 (it was labelled 2020 by the cluster's own newest firm, and added to 2019's).
        w.Establishment("denue_2024_mx", 7, "337120", "21114", "251 y más personas", "2020-02")
         .Establishment("denue_2024_mx", 101, "115113", "16102", "0 a 5 personas", "2024-11");
        // 2024, Puebla: 1, 2 and 7 again (the same snapshot: counted once) and 8, new in 2024-03.
        w.Establishment("denue_2024_pue", 1, "337120", "21114", "101 a 250 personas", "2010-01")
         .Establishment("denue_2024_pue", 2, "337120", "21114", "11 a 30 personas", "2015-03")
         .Establishment("denue_2024_pue", 7, "337120", "21114", "251 y más personas", "2020-02")
         .Establishment("denue_2024_pue", 8, "337120", "21114", "6 a 10 personas", "2024-03");
        return w.BuildAsync();
    }

    [Fact]
    public async Task Each_denue_source_is_a_snapshot_of_its_own_year_and_an_establishment_counts_once_in_it()
    {
        var db = await TwoSnapshots();
        // 2019: establishments 1-6; 2024: 1-8 once each (the overlapping Puebla extract adds only 8), not 6 + 7 + 4.
        Assert.Equal(["2019|21114|337120|6", "2024|21114|337120|8"], Rows(db, """
            SELECT year, municipality_key, scian_code, establishments FROM marts.region_activity WHERE scian_code = '337120' ORDER BY ALL
            """));
        // Location quotient in 2024, within the snapshot (midpoints): furniture 376.5 + 175.5 + 2 x 20.5 + 8 + 3 x 2.5 = 608.5,
        //   all of it in Puebla; everything 608.5 + 2.5 (the packer) = 611: LQ = (608.5 / 608.5) / (608.5 / 611) = 1.004108463.
        Assert.Equal(["2019|6", "2024|8"], Rows(db, """
            SELECT year, firm_count FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND firm_count IS NOT NULL ORDER BY year
            """));
        Assert.Equal(["1.004108463"], Rows(db,
            "SELECT location_quotient FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 2024"));
    }

    [Fact]
    public async Task Firm_cr4_and_hhi_low_and_high_are_the_true_bounds_the_size_bands_allow()
    {
        var db = await TwoSnapshots();
        Assert.Equal(
        [
            // 2019: bands 101-250 (1), 11-30 (2), 0-5 (3). Employment low 101 + 22 + 0 = 123; mid 175.5 + 41 + 7.5 = 224;
            //   high 250 + 60 + 15 = 325.
            //   CR4 max: the four largest at their upper bounds, the rest at their lower: (250 + 30 + 30 + 5) / (315 + 0 + 0) = 1
            //     (the two smallest may employ nobody).
            //   CR4 min: every establishment pulled towards one level m within its band; at m = 11: 101, 11, 11, 5, 5, 5:
            //     (101 + 11 + 11 + 5) / 138 = 0.927536232 (no other level gives less).
            //   HHI max: the largest band high, the others low: 250, 11, 11, 0, 0, 0: (62500 + 121 + 121) / 272² = 0.848048227.
            //   HHI min: at m = 101: 101, 30, 30, 5, 5, 5: (10201 + 900 + 900 + 75) / 176² = 12076 / 30976 = 0.389850207.
            //   Midpoints: (175.5² + 2 x 20.5² + 3 x 2.5²) / 224² = 31659.5 / 50176 = 0.630968989.
            "2019|123|224|325|0.927536232|1|0.389850207|0.630968989|0.848048227",
            // 2024: bands 251+ (1), 101-250 (1), 11-30 (2), 6-10 (1), 0-5 (3). Low 251 + 101 + 22 + 6 + 0 = 380;
            //   mid 376.5 + 175.5 + 41 + 8 + 7.5 = 608.5; high NULL (the open band has no upper bound, and neither have the
            //   CR4 and HHI maxima: the largest establishment can be as large as it likes).
            //   CR4 min at m = 11: 251, 101, 11, 11, 10, 5, 5, 5: (251 + 101 + 11 + 11) / 399 = 0.937343358.
            //   HHI min inside the 101-250 band: fixed 251, 30, 30, 10, 5, 5, 5 (A = 251² + 2 x 900 + 100 + 3 x 25 = 64976,
            //     B = 336) and the 101-250 establishment at m = A / B = 193.4: HHI = A / (B² + A) = 64976 / 177872 = 0.365296393.
            //   Midpoints: (376.5² + 175.5² + 2 x 20.5² + 8² + 3 x 2.5²) / 608.5² = 173475.75 / 370272.25 = 0.468508645.
            "2024|380|608.5|NULL|0.937343358|NULL|0.365296393|0.468508645|NULL",
        ], Rows(db, """
            SELECT year, firm_employment_low, firm_employment_mid, firm_employment_high, firm_cr4_low, firm_cr4_high,
                   firm_hhi_low, firm_hhi_mid, firm_hhi_high
            FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND firm_count IS NOT NULL ORDER BY year
            """));
        Assert.Contains("firm high bounds NULL: 1 establishment(s) in the open band 251 y más", (string)Duck.Scalar(db,
            "SELECT notes FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 2024")!);
    }

    [Fact]
    public async Task The_census_regional_share_sums_the_clusters_areas_and_codes_at_one_level_and_says_what_it_is_of()
    {
        var w = new TradeWarehouse(_dir).KeepClusters()
            // Two furniture classes in Puebla (state 21) and in Uruapan (16102, a municipality of another state).
            .AddCluster("furniture-two-areas", """
                { "id": "furniture-two-areas", "name": "Furniture, Puebla and Uruapan", "country": "MEX",
                  "products": { "hs": ["9403"], "hs_vintage": "HS92", "scian": ["337110", "337120"] },
                  "regions": ["21", "16102"] }
                """);
        // 2019 (employment H001A, gross production A111A in millions of pesos; NULL = withheld):
        //   classes (6 digits): the census has no national row of 337110, so that level is incomplete;
        //   subramas 33711 and 33712 (5 digits) have every cell; rama 3371 (4 digits) too, but it is less specific.
        w.Census("saic", 2019, "00", "337120", 2500, 250)
         .Census("saic", 2019, "21", "337110", 150, 15).Census("saic", 2019, "21", "337120", 500, 50)
         .Census("saic", 2019, "00", "33711", 1000, 100).Census("saic", 2019, "00", "33712", 3000, 300)
         .Census("saic", 2019, "21", "33711", 200, 20).Census("saic", 2019, "21", "33712", 600, 60)
         .Census("saic", 2019, "16102", "33711", 50, null).Census("saic", 2019, "16102", "33712", 100, 10)
         .Census("saic", 2019, "00", "3371", 4000, 400).Census("saic", 2019, "21", "3371", 800, 80).Census("saic", 2019, "16102", "3371", 150, null)
         // A size stratum of a cell (not a total: left out) and a second source repeating a cell (taken once).
         .Census("saic", 2019, "21", "33712", 400, 40, stratum: "0 a 10 personas")
         .Census("saic_copy", 2019, "21", "33711", 200, 20);
        // 2014: Puebla's employment in 33711 is withheld, its production is not.
        w.Census("saic", 2014, "00", "33711", 900, 90).Census("saic", 2014, "00", "33712", 2700, 270)
         .Census("saic", 2014, "21", "33711", null, 18).Census("saic", 2014, "21", "33712", 540, 54)
         .Census("saic", 2014, "16102", "33711", 40, 4).Census("saic", 2014, "16102", "33712", 80, 8);
        var db = await w.BuildAsync();

        Assert.Equal(
        [
            // 2014: employment withheld in a cell it needs: NULL. Production: (18 + 54 + 4 + 8) / (90 + 270) = 84 / 360.
            "2014|NULL|0.233333333",
            // 2019, at 5 digits: employment (200 + 600 + 50 + 100) / (1000 + 3000) = 950 / 4000 = 0.2375 (before: one state,
            //   one class: Puebla's 337120, 500 / 2500 = 0.2); production NULL (Uruapan's 33711 withheld).
            "2019|0.2375|NULL",
        ], Rows(db, """
            SELECT year, regional_share, regional_output_share FROM marts.cluster_concentration
            WHERE cluster_id = 'furniture-two-areas' ORDER BY year
            """));
        var notes = Rows(db, "SELECT notes FROM marts.cluster_concentration WHERE cluster_id = 'furniture-two-areas' ORDER BY year");
        Assert.Contains("regional_share NULL: a census cell is withheld (confidential): employment (H001A) of SCIAN 33711, 33712", notes[0]);
        Assert.Contains("regional_share: census employment (H001A) of SCIAN 33711, 33712 in 2 area(s) of the cluster / national", notes[1]);
        Assert.Contains("regional_output_share NULL: census gross production (A111A) withheld", notes[1]);
    }
}
