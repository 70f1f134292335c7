using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// Mexico below the national level on hand-made INEGI rows: marts.region_census_activity (census cells of states and
/// municipalities with location quotients and shares of national) and marts.cluster_municipalities (a cluster's
/// municipalities with census and DENUE figures side by side, ranked).
/// </summary>
public sealed class MexicoSubnationalTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Puebla furniture (mexico-furniture: SCIAN 3371 in state 21) in the 2019 census and a 2024 DENUE snapshot, and a
    /// Guatemalan cluster that (by mistake) names the same SCIAN code and state.
    /// Census 2019, employment (H001A) and gross production (A111A):
    ///   nation: 3371 4,000 / 400; all activities 100,000.      state 21: 3371 800 / 80; all activities 10,000.
    ///   21114 Puebla: 3371 500 / 50; all 5,000.                21140 San Pedro Cholula: 3371 196 / 19.6; all 1,000.
    ///   21119 San Andrés Cholula: 3371 withheld (confidential); all 2,000.   16102 Uruapan (not the cluster's): 3371 50 / 5.
    /// DENUE 2024 (midpoints): 21114: 337120 101-250 (175.5) + 337110 0-5 (2.5) + a shop 461110 6-10 (8);
    ///   21041 Cuautlancingo: 337120 101-250 (175.5) + 11-30 (20.5) = 196; 21119: 337120 31-50 (40.5);
    ///   16102: a packer 115113 251 y más (376.5). Furniture nationally 178 + 196 + 40.5 = 414.5; everything 799.
    /// </summary>
    Task<string> Puebla()
    {
        var w = new TradeWarehouse(_dir).KeepClusters("mexico-furniture")
            .AddCluster("guatemala-furniture", """
                { "id": "guatemala-furniture", "name": "Furniture, Guatemala", "country": "GTM",
                  "products": { "hs": ["9403"], "hs_vintage": "HS92", "scian": ["3371"] }, "regions": ["21"] }
                """);
        w.Census("saic", 2019, "00", "3371", 4000, 400).Census("saic", 2019, "00", null, 100000, 10000)
         .Census("saic", 2019, "21", "3371", 800, 80).Census("saic", 2019, "21", null, 10000, 1000)
         .Census("saic", 2019, "21114", "3371", 500, 50).Census("saic", 2019, "21114", null, 5000, 500)
         .Census("saic", 2019, "21140", "3371", 196, 19.6).Census("saic", 2019, "21140", null, 1000, 100)
         .Census("saic", 2019, "21119", "3371", null, null).Census("saic", 2019, "21119", null, 2000, 200)
         .Census("saic", 2019, "16102", "3371", 50, 5);
        w.Establishment("denue", 1, "337120", "21114", "101 a 250 personas", "2020-01")
         .Establishment("denue", 2, "337110", "21114", "0 a 5 personas", "2021-01")
         .Establishment("denue", 3, "461110", "21114", "6 a 10 personas", "2022-01")
         .Establishment("denue", 4, "337120", "21041", "101 a 250 personas", "2018-01")
         .Establishment("denue", 5, "337120", "21041", "11 a 30 personas", "2019-01")
         .Establishment("denue", 6, "337120", "21119", "31 a 50 personas", "2023-01")
         .Establishment("denue", 7, "115113", "16102", "251 y más personas", "2024-05");
        return w.BuildAsync();
    }

    [Fact]
    public async Task Census_cells_of_states_and_municipalities_carry_location_quotients_and_shares_and_a_withheld_cell_stays_null_with_its_reason()
    {
        var db = await Puebla();
        Assert.Equal(
        [
            // e_N = 100,000, e_Ns = 4,000: the nation's share of 3371 is 0.04.
            // Uruapan: no all-activities total in the export, so no LQ; share 50 / 4,000 = 0.0125, production 5 / 400.
            "municipality|16102|50|NULL|NULL|0.0125|0.0125",
            // Puebla: LQ (500 / 5,000) / 0.04 = 0.1 / 0.04 = 2.5; share 500 / 4,000 = 0.125; production 50 / 400 = 0.125.
            "municipality|21114|500|NULL|2.5|0.125|0.125",
            // San Andrés Cholula: withheld, NULL with the reason, never 0, and nothing computed from it.
            "municipality|21119|NULL|confidential|NULL|NULL|NULL",
            // San Pedro Cholula: LQ (196 / 1,000) / 0.04 = 4.9; share 196 / 4,000 = 0.049; production 19.6 / 400 = 0.049.
            "municipality|21140|196|NULL|4.9|0.049|0.049",
            // The state: LQ (800 / 10,000) / 0.04 = 2; share 800 / 4,000 = 0.2; production 80 / 400 = 0.2.
            "state|NULL|800|NULL|2|0.2|0.2",
        ], Duck.Rows(db, """
            SELECT area_level, municipality_key, employment, suppressed_reason, location_quotient,
                   share_of_national_employment, share_of_national_production
            FROM marts.region_census_activity WHERE year = 2019 ORDER BY area_level, municipality_key
            """));
        Assert.Equal("H001A,A111A", Duck.Scalar(db,
            "SELECT withheld_measures FROM marts.region_census_activity WHERE municipality_key = '21119'"));
        Assert.Contains("employment (H001A) withheld (confidential)", (string)Duck.Scalar(db,
            "SELECT notes FROM marts.region_census_activity WHERE municipality_key = '21119'")!);
        Assert.Contains("no all-activities total of the municipality in the export", (string)Duck.Scalar(db,
            "SELECT notes FROM marts.region_census_activity WHERE municipality_key = '16102'")!);
    }

    [Fact]
    public async Task A_clusters_municipalities_are_ranked_by_census_employment_else_denue_midpoints_with_both_sources_side_by_side()
    {
        var db = await Puebla();
        Assert.Equal(
        [
            // 2019, the census year (no DENUE snapshot): Puebla 500 before San Pedro Cholula 196; San Andrés Cholula is
            // withheld and has no DENUE figure that year: no rank. Uruapan is not in the cluster's state.
            "2019|21114|1|census|500|NULL|2.5|0.125|NULL|NULL|NULL",
            "2019|21119|NULL|NULL|NULL|confidential|NULL|NULL|NULL|NULL|NULL",
            "2019|21140|2|census|196|NULL|4.9|0.049|NULL|NULL|NULL",
            // 2024, the DENUE snapshot (newest registration 2024-05), beside the census in force (2019).
            // DENUE LQ = (e_ms / e_m) / (414.5 / 799):
            //   Puebla (178 / 186) / 0.518773467 = 1.844715099; share 178 / 414.5 = 0.429433052. Rank 1 on census 500.
            //   Cuautlancingo: no census cell (not_in_export): ranked on DENUE 196; LQ (196 / 196) / (414.5 / 799) =
            //     799 / 414.5 = 1.927623643; share 196 / 414.5 = 0.472858866. It ties San Pedro Cholula's census 196
            //     and goes first, its key 21041 being lower than 21140.
            //   San Andrés Cholula: census withheld: ranked on DENUE 40.5; LQ 40.5 / 40.5 / 0.518773467 = 1.927623643;
            //     share 40.5 / 414.5 = 0.097708082.
            "2024|21041|2|denue_mid|NULL|not_in_export|NULL|NULL|196|1.927623643|0.472858866",
            "2024|21114|1|census|500|NULL|2.5|0.125|178|1.844715099|0.429433052",
            "2024|21119|4|denue_mid|NULL|confidential|NULL|NULL|40.5|1.927623643|0.097708082",
            "2024|21140|3|census|196|NULL|4.9|0.049|NULL|NULL|NULL",
        ], Duck.Rows(db, """
            SELECT year, municipality_key, rank, rank_basis, census_employment, census_employment_null_reason,
                   census_location_quotient, census_share_of_national_employment, denue_employment_mid,
                   denue_location_quotient, denue_share_of_national
            FROM marts.cluster_municipalities WHERE cluster_id = 'mexico-furniture' ORDER BY year, municipality_key
            """));
        // The census of the 2024 rows is the 2019 one, summed at the cluster's own code (3371: the census has it in the
        // nation and the state); the DENUE employment bounds: Puebla 101 + 0 = 101 to 250 + 5 = 255.
        Assert.Equal(["2019|3371|2024|2|101|255"], Duck.Rows(db, """
            SELECT census_year, census_scian_codes, denue_year, denue_establishments, denue_employment_low, denue_employment_high
            FROM marts.cluster_municipalities WHERE cluster_id = 'mexico-furniture' AND year = 2024 AND municipality_key = '21114'
            """));
        Assert.Equal("Cuautlancingo", Duck.Scalar(db,
            "SELECT municipality_name FROM marts.cluster_municipalities WHERE municipality_key = '21041'"));
        // A cluster of another country has no municipalities, whatever SCIAN codes and regions it names.
        Assert.Equal(0L, Convert.ToInt64(Duck.Scalar(db,
            "SELECT count(*) FROM marts.cluster_municipalities WHERE cluster_id = 'guatemala-furniture'")));
    }

    [Fact]
    public async Task A_municipality_sum_over_the_clusters_codes_is_null_with_its_reason_when_a_cell_is_withheld_or_missing()
    {
        // A Puebla cluster of two codes, 3371 and 3372 (both published nationally and in the state: summed at 4 digits).
        var w = new TradeWarehouse(_dir).KeepClusters()
            .AddCluster("mexico-muebles", """
                { "id": "mexico-muebles", "name": "Muebles, Puebla", "country": "MEX",
                  "products": { "hs": ["9403"], "hs_vintage": "HS92", "scian": ["3371", "3372"] }, "regions": ["21"] }
                """);
        w.Census("saic", 2019, "00", "3371", 4000, 400).Census("saic", 2019, "00", "3372", 1000, 100)
         .Census("saic", 2019, "00", null, 100000, 10000)
         .Census("saic", 2019, "21", "3371", 800, 80).Census("saic", 2019, "21", "3372", 200, 20)
         .Census("saic", 2019, "21114", "3371", 500, 50).Census("saic", 2019, "21114", "3372", null, null)
         .Census("saic", 2019, "21140", "3371", 196, 19.6)
         .Census("saic", 2019, "21041", "3371", 100, 10).Census("saic", 2019, "21041", "3372", 50, 5)
         .Census("saic", 2019, "21041", null, 1500, 150);
        var db = await w.BuildAsync();
        Assert.Equal(
        [
            // Cuautlancingo: 100 + 50 = 150 of 4,000 + 1,000 = 5,000: share 0.03; LQ (150 / 1,500) / (5,000 / 100,000) = 2.
            "21041|1|150|NULL|2|0.03",
            // Puebla: 3372 withheld: NULL (not 500) and confidential, no rank.
            "21114|NULL|NULL|confidential|NULL|NULL",
            // San Pedro Cholula: no 3372 cell: NULL (not 196) and not_in_export.
            "21140|NULL|NULL|not_in_export|NULL|NULL",
        ], Duck.Rows(db, """
            SELECT municipality_key, rank, census_employment, census_employment_null_reason, census_location_quotient,
                   census_share_of_national_employment
            FROM marts.cluster_municipalities WHERE cluster_id = 'mexico-muebles' ORDER BY municipality_key
            """));
        Assert.Equal("3371, 3372", Duck.Scalar(db,
            "SELECT DISTINCT census_scian_codes FROM marts.cluster_municipalities WHERE cluster_id = 'mexico-muebles'"));
    }
}
