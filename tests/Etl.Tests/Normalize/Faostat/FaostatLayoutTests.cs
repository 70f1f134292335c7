using System.IO.Compression;
using System.Text;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Normalize.Faostat;

/// <summary>The bundled samples in every layout, encodings, units, flags, duplicates and bad input.</summary>
public sealed class FaostatLayoutTests : IDisposable
{
    const string QclZip = "Production_Crops_Livestock_E_All_Data_(Normalized).zip";
    const string NormalizedHeader =
        "\"Area Code\",\"Area Code (M49)\",\"Area\",\"Item Code\",\"Item Code (CPC)\",\"Item\",\"Element Code\",\"Element\",\"Year Code\",\"Year\",\"Unit\",\"Value\",\"Flag\",\"Note\"\r\n";
    readonly FaostatHarness _h = new();

    public void Dispose() => _h.Dispose();

    static string Sample(string name) => Path.Combine(Repo.Pipelines, "samples", "faostat", name);

    string Extract(string zip, string entry)
    {
        using var z = ZipFile.OpenRead(zip);
        var path = _h.Dir.Combine("extracted", entry);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        z.GetEntry(entry)!.ExtractToFile(path);
        return path;
    }

    const string Comparable = """
        SELECT domain, area_code_fao, area_code_m49, area, area_entity, area_iso3, area_is_aggregate, item_code_fao, item_code_cpc,
               item, item_in_reference, element_code, element, year, month, unit, value, std_unit, value_std, flag, flag_meaning, note
        FROM obs ORDER BY ALL
        """;

    [Fact]
    public async Task The_bulk_zip_and_its_wide_copy_give_identical_normalized_rows()
    {
        var zip = await _h.Normalize(Sample(QclZip), output: _h.Dir.Combine("zip"));
        var fromZip = _h.Query(Comparable, _h.Dir.Combine("zip"));
        var wide = await _h.Normalize(Extract(Sample(QclZip), "Production_Crops_Livestock_E_All_Data.csv"), output: _h.Dir.Combine("wide"));
        var fromWide = _h.Query(Comparable, _h.Dir.Combine("wide"));

        // The zip's normalized CSV has 311 data lines, one of them (Uruguay milk production 2001) an exact duplicate:
        // 310 observations and 1 duplicate; only the normalized copy is read (wide, NOFLAG and code lists are not).
        Assert.Equal(310, zip.Observations);
        Assert.Equal(1, zip.Duplicates);
        Assert.Single(zip.Files);
        Assert.EndsWith("!Production_Crops_Livestock_E_All_Data_(Normalized).csv", zip.Files[0]);
        Assert.Equal(310, wide.Observations);
        Assert.Equal(0, wide.Duplicates);
        Assert.Equal(310, fromZip.Count);
        Assert.Equal(fromZip.Select(r => string.Join("|", r.Select(FaostatHarness.Text))),
            fromWide.Select(r => string.Join("|", r.Select(FaostatHarness.Text))));
    }

    [Fact]
    public async Task The_QCL_sample_has_the_published_milk_figures_in_standard_units()
    {
        await _h.Normalize(Sample(QclZip));

        // Uruguay 1999: 1.5 Mt of milk; Argentina 1999: 9.8 Mt (clusters.md).
        Assert.Equal(1_500_000.0, _h.Scalar("SELECT value_std FROM obs WHERE area_iso3 = 'URY' AND item_code_fao = 882 AND element_code = 5510 AND year = 1999"));
        Assert.Equal(9_800_000.0, _h.Scalar("SELECT value_std FROM obs WHERE area_iso3 = 'ARG' AND item_code_fao = 882 AND element_code = 5510 AND year = 1999"));
        // Argentina's yield: 39,900 hg/An in the file = 3,990 kg per cow (hg/An x 0.1); the original unit is kept.
        Assert.Equal([39_900.0, "hg/An", 3_990.0, "kg/An", "E", "Estimated value"], _h.Row(
            "SELECT value, unit, value_std, std_unit, flag, flag_meaning FROM obs WHERE area_iso3 = 'ARG' AND element_code = 5420 AND year = 1999"));
        // M49 and CPC lose their apostrophe and keep their leading zeros ("'032", "'02211").
        Assert.Equal(["032", "02211", 9], _h.Row("SELECT DISTINCT area_code_m49, item_code_cpc, area_code_fao FROM obs WHERE area = 'Argentina' AND item_code_fao = 882"));
        // FAO 351 China and World are aggregates without ISO3; mango 2002 without them:
        // BRA 842,000 + DOM 3,800 + MEX 1,523,000 + CHN mainland 3,512,000 + TWN 189,000 = 6,069,800 t (China 351 = 3,701,000 not added).
        Assert.Equal([6_069_800.0, 2L], _h.Row("""
            SELECT sum(value_std) FILTER (NOT area_is_aggregate), count(*) FILTER (area_is_aggregate AND area_iso3 IS NULL)
            FROM obs WHERE item_code_fao = 571 AND element_code = 5510 AND year = 2002
            """));
        Assert.Equal(["CHN351", true], _h.Row("SELECT DISTINCT area_entity, area_is_aggregate FROM obs WHERE area_code_fao = 351"));
    }

    [Fact]
    public async Task The_Latin1_prices_zip_keeps_annual_and_monthly_rows_apart()
    {
        var result = await _h.Normalize(Sample("Prices_E_All_Data_(Normalized).zip"));

        Assert.Equal("latin-1", result.Encodings.Single(e => e.Key.EndsWith("(Normalized).csv")).Value);
        // 10 series x 5 years x 2 elements (LCU, USD) annual + 12 months of Uruguay's USD milk price in 2001 = 112.
        Assert.Equal(112, result.Observations);
        Assert.Equal([100L, 12L], _h.Row("SELECT count(*) FILTER (month IS NULL), count(*) FILTER (month BETWEEN 1 AND 12) FROM obs WHERE domain = 'PP'"));
        // Côte d'Ivoire coffee 2001: 420 USD/t; LCU 420 x 733.0 = 307,860.0 per tonne (element names the unit, Unit says "LCU").
        Assert.Equal(["Côte d'Ivoire", "CIV", 420.0, "USD/t", 307_860.0], _h.Row("""
            SELECT area, area_iso3, max(value_std) FILTER (element_code = 5532), max(std_unit) FILTER (element_code = 5532),
                   max(value_std) FILTER (element_code = 5530)
            FROM obs WHERE area_code_fao = 107 AND year = 2001 AND month IS NULL GROUP BY ALL
            """));
        // The twelve monthly values average 165 USD/t, the annual value: (150+152+158+162+168+172+175+176+174+170+162+161)/12 = 1,980/12.
        Assert.Equal([165.0, 165.0], _h.Row("""
            SELECT avg(value) FILTER (month IS NOT NULL), max(value) FILTER (month IS NULL)
            FROM obs WHERE area_iso3 = 'URY' AND element_code = 5532 AND year = 2001
            """));
    }

    static readonly byte[] Latin1File = Encoding.Latin1.GetBytes(NormalizedHeader +
        "107,\"'384\",\"Côte d'Ivoire\",656,\"'01610\",\"Coffee, green\",5510,\"Production\",2001,2001,\"t\",208000,\"A\",\"\"\r\n" +
        "279,\"'531\",\"Curaçao\",1057,\"'02151\",\"Chickens\",5112,\"Stocks\",2022,2022,\"1000 An\",13,\"E\",\"\"\r\n");

    [Theory]
    [InlineData("Production_Crops_Livestock_E_All_Data_(Normalized).csv")]
    [InlineData("Production_Crops_Livestock_E_All_Data_(Normalized)_UTF-8.csv")] // the same bytes labelled UTF-8
    public async Task A_Latin1_file_reads_correctly_whatever_its_label(string name)
    {
        var path = _h.Dir.Combine(name);
        await File.WriteAllBytesAsync(path, Latin1File);

        var result = await _h.Normalize(path);

        Assert.Equal("latin-1", result.Encodings.Values.Single());
        Assert.Equal(2, result.Observations);
        // Curaçao's chickens: 13 thousand head -> 13,000 An; item 1057 (Chickens) is in FAOSTAT's full item list.
        Assert.Equal([
            ["Côte d'Ivoire", "CIV", 208_000.0, "t", true],
            ["Curaçao", "CUW", 13_000.0, "An", true],
        ], _h.Query("SELECT area, area_iso3, value_std, std_unit, item_in_reference FROM obs ORDER BY area_code_fao"));
        // No mojibake anywhere: "Ã" is what a Latin-1 "ô"/"ç" read as UTF-8 (or the reverse) would leave.
        Assert.Equal(0L, _h.Scalar("SELECT count(*) FROM obs WHERE area LIKE '%Ã%' OR area LIKE '%\uFFFD%' OR item LIKE '%Ã%'"));
    }

    [Fact]
    public async Task A_UTF8_file_without_BOM_is_not_mistaken_for_Latin1()
    {
        var path = _h.Dir.Combine("Production_Crops_Livestock_E_All_Data_(Normalized).csv");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(Latin1File)));

        var result = await _h.Normalize(path);

        Assert.Equal("utf-8", result.Encodings.Values.Single());
        Assert.Equal(["Côte d'Ivoire", "Curaçao"], _h.Column("SELECT area FROM obs ORDER BY area_code_fao"));
    }

    [Fact]
    public async Task Unreadable_rows_go_to_quarantine_with_file_line_column_and_reason()
    {
        var path = _h.Dir.Write("Production_Crops_Livestock_E_All_Data_(Normalized).csv", NormalizedHeader +
            "9,\"'032\",\"Argentina\",882,\"'02211\",\"Raw milk of cattle\",5510,\"Production\",1999,1999,\"t\",9800000,\"A\",\"\"\r\n" + // 2: good
            "9,\"'032\",\"Argentina\",882,\"'02211\",\"Raw milk of cattle\",5510,\"Production\",2000,2000,\"t\",9.8 Mt,\"A\",\"\"\r\n" +  // 3: value
            "4999,\"'999\",\"Atlantis\",882,\"'02211\",\"Raw milk of cattle\",5510,\"Production\",1999,1999,\"t\",1,\"A\",\"\"\r\n" +    // 4: area
            "9,\"'032\",\"Argentina\",\"milk\",\"'02211\",\"Raw milk of cattle\",5510,\"Production\",1999,1999,\"t\",1,\"A\",\"\"\r\n" + // 5: item
            "9,\"'032\",\"Argentina\",882,\"'02211\",\"Raw milk of cattle\",5510,\"Production\",\"1999-2001\",\"1999-2001\",\"t\",1,\"A\",\"\"\r\n" + // 6: year
            "9,\"'032\",\"Argentina\",882\r\n");                                                                                            // 7: short

        var result = await _h.Normalize(path, maxQuarantine: 1.0);

        Assert.Equal(1, result.Observations);
        Assert.Equal(5, result.Quarantined);
        var file = "raw/fao_test/Production_Crops_Livestock_E_All_Data_(Normalized).csv";
        Assert.Equal([
            [file, 3L, "Value", "'9.8 Mt' is not a number"],
            [file, 4L, "Area Code", "area code '4999' (Atlantis) is not in countries.csv"],
            [file, 5L, "Item Code", "'milk' is not an FAO item code (a number)"],
            [file, 6L, "Year", "'1999-2001' is not a year"],
            [file, 7L, null, "expected 14 fields as in the header, found 4"],
        ], _h.Query("SELECT file, line, \"column\", reason FROM q ORDER BY line"));
        Assert.Contains("Atlantis", (string)_h.Scalar("SELECT raw_record FROM q WHERE line = 4")!);
    }

    [Fact]
    public async Task Too_many_bad_rows_fail_the_source_naming_the_first()
    {
        var path = _h.Dir.Write("Production_Crops_Livestock_E_All_Data_(Normalized).csv", NormalizedHeader +
            "9,\"'032\",\"Argentina\",882,\"'02211\",\"Raw milk of cattle\",5510,\"Production\",2000,2000,\"t\",abc,\"A\",\"\"\r\n");

        var e = await Assert.ThrowsAsync<PipelineException>(() => _h.Normalize(path));

        Assert.Contains("line 2 column Value: 'abc' is not a number", e.Message);
    }

    [Fact]
    public async Task A_header_that_matches_no_layout_is_an_error_naming_file_line_and_column()
    {
        var path = _h.Dir.Write("FAOSTAT_data_en_1-1-2025.csv",
            "Domain Code,Domain,Area Code (M49),Area,Element Code,Element,Item Code (CPC),Item,Year Code,Year,Unit,Amount,Flag\n" +
            "\"QCL\",\"Crops\",\"032\",\"Argentina\",\"5510\",\"Production\",\"02211\",\"Raw milk\",\"1999\",\"1999\",\"t\",\"1\",\"A\"\n");

        var e = await Assert.ThrowsAsync<PipelineException>(() => _h.Normalize(path));

        Assert.Equal("raw/fao_test/FAOSTAT_data_en_1-1-2025.csv", e.FilePath);
        Assert.Equal(1, e.Line);
        Assert.Equal("Value", e.Column);
        Assert.Contains("matches no FAOSTAT layout: closest is the bulk normalized layout, which needs 'Value'", e.Message);
    }

    [Fact]
    public async Task A_truncated_zip_is_an_error_naming_the_file()
    {
        var bytes = await File.ReadAllBytesAsync(Sample(QclZip));
        var path = _h.Dir.Combine(QclZip);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<PipelineException>(() => _h.Normalize(path));

        Assert.Equal("raw/fao_test/" + QclZip, e.FilePath);
        Assert.Contains("not a readable zip archive, probably truncated", e.Message);
    }

    [Fact]
    public async Task The_web_layout_with_FAO_codes_and_the_trade_units_are_standardised()
    {
        // A variant of the web download: Area Code (FAO) and Item Code (FAO) instead of M49 and CPC.
        var path = _h.Dir.Write("FAOSTAT_data_en_2-2-2025.csv",
            "\uFEFFDomain Code,Domain,Area Code (FAO),Area,Element Code,Element,Item Code (FAO),Item,Year Code,Year,Unit,Value,Flag,Flag Description,Note\n" +
            "\"TCL\",\"Crops and livestock products\",\"21\",\"Brazil\",\"5922\",\"Export value\",\"571\",\"Mangoes\",\"2002\",\"2002\",\"1000 USD\",\"51000\",\"A\",\"Official figure\",\"\"\n" +
            "\"TCL\",\"Crops and livestock products\",\"351\",\"China\",\"5910\",\"Export quantity\",\"571\",\"Mangoes\",\"2002\",\"2002\",\"t\",\"7\",\"A\",\"Official figure\",\"\"\n");

        await _h.Normalize(path);

        // 51,000 thousand USD = 51,000,000 USD (Brazil's 2002 mango exports, clusters.md); CPC 01316 from fao_items.csv.
        Assert.Equal([
            ["BRA", false, 571, "01316", 51_000.0, "1000 USD", 51_000_000.0, "USD"],
            [null, true, 571, "01316", 7.0, "t", 7.0, "t"],
        ], _h.Query("SELECT area_iso3, area_is_aggregate, item_code_fao, item_code_cpc, value, unit, value_std, std_unit FROM obs ORDER BY area_code_fao"));
    }
}
