using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize.Faostat;

/// <summary>Real FAOSTAT downloads (../shared/data/real/faostat, read-only) load completely and correctly.</summary>
public sealed class FaostatRealFileTests : IDisposable
{
    readonly FaostatHarness _h = new();

    public void Dispose() => _h.Dispose();

    [RequiresSharedFact]
    public async Task The_web_download_loads_completely_with_notes_and_Ecuadors_2005_exports()
    {
        var result = await _h.Normalize(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_data.csv"));

        // 133 lines = header + 132 observations; nothing quarantined or duplicated.
        Assert.Equal(132, result.Observations);
        Assert.Equal(0, result.Quarantined);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal("utf-8-bom", result.Encodings.Values.Single());
        Assert.Equal(132L, _h.Scalar("SELECT count(*) FROM obs WHERE domain = 'TCL' AND layout = 'web'"));
        // Line 61: "218","Ecuador",...,"2005","2005","t","4764193","A" -> M49 218 = ECU (FAO 58), 4,764,193 t.
        Assert.Equal(["ECU", "218", 4_764_193.0, "t", 4_764_193.0, "t", "A", "Official figure"], _h.Row(
            "SELECT area_iso3, area_code_m49, value, unit, value_std, std_unit, flag, flag_meaning FROM obs WHERE area = 'Ecuador' AND year = 2005 AND element_code = 5910"));
        // The five X rows (Cameroon 1994, 1998, 1999; Ecuador 2004; UAE 2001) keep FAO's note.
        Assert.Equal([5L, 5L], _h.Row(
            "SELECT count(*), count(*) FILTER (note = 'Estimated data using trading partners database') FROM obs WHERE flag = 'X'"));
        Assert.Equal(127L, _h.Scalar("SELECT count(*) FROM obs WHERE note IS NULL"));
        // CPC 01312 Bananas -> FAO item 486 through fao_items.csv.
        Assert.Equal([486, "01312", true], _h.Row("SELECT DISTINCT item_code_fao, item_code_cpc, item_in_reference FROM obs"));
        // Belgium-Luxembourg (M49 058) is filed under BEL as the reference says, before 2000 only; Belgium (056) from 2000.
        Assert.Equal(["BLX", 1994L, 1999L], _h.Row("SELECT DISTINCT area_entity, min(year), max(year) FROM obs WHERE area_code_m49 = '058' GROUP BY ALL"));
        Assert.Equal(["BEL", 2000L, 2005L], _h.Row("SELECT DISTINCT area_entity, min(year), max(year) FROM obs WHERE area_code_m49 = '056' GROUP BY ALL"));
        Assert.Equal(0L, _h.Scalar("SELECT count(*) FROM obs WHERE area_iso3 IS NULL OR area_is_aggregate"));
    }

    [RequiresSharedFact]
    public async Task The_detailed_trade_matrix_loads_with_reporter_and_partner_ISO3_and_values_in_USD()
    {
        var result = await _h.Normalize(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_trade_matrix.csv"));

        Assert.Equal(2560, result.TradeMatrixRows);
        Assert.Equal(0, result.Observations);
        Assert.Equal(0, result.Quarantined);
        // CPC F0875 is FAO item 875 (beef and veal preparations nes) in FAOSTAT's full item list: every item is known.
        Assert.Empty(result.UnknownItems);
        Assert.Equal(["FRA", "DEU", "IRL", "ITA", "NLD"], _h.Column("SELECT DISTINCT reporter_iso3 FROM tm ORDER BY reporter_code_m49"));
        Assert.Equal(["FRA", "DEU", "IRL", "ITA", "NLD"], _h.Column("SELECT DISTINCT partner_iso3 FROM tm ORDER BY partner_code_m49"));
        // Line 2: France -> France, 5910 Export Quantity 2000, 23 tonnes (t).
        Assert.Equal(["250", "FRA", "250", "FRA", "F0875", 875, 23.0, "tonnes", 23.0, "t"], _h.Row("""
            SELECT reporter_code_m49, reporter_iso3, partner_code_m49, partner_iso3, item_code_cpc, item_code_fao, value, unit, value_std, std_unit
            FROM tm WHERE reporter_code_m49 = '250' AND partner_code_m49 = '250' AND element_code = 5910 AND year = 2000
            """));
        // Values: "1000 US$" -> USD x 1000. Every value row is 1000 times its file value, and 1,280 rows are values.
        Assert.Equal([1280L, 1280L], _h.Row(
            "SELECT count(*), count(*) FILTER (std_unit = 'USD' AND value_std = value * 1000) FROM tm WHERE unit = '1000 US$'"));
    }
}
