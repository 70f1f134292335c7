using System.Globalization;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.EndToEnd;

/// <summary>The default run on the bundled samples: every mart for every shipped cluster, and the cluster report.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class IndicatorSampleTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Cell(object? v) => Duck.Cell(v);

    async Task<string> RunSample()
    {
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest("sample", pipelines, _dir.Combine("data"), Repo.Sql, false),
            CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return new DataLayout(_dir.Combine("data")).WarehouseFile;
    }

    [Fact]
    public async Task The_default_run_produces_every_mart_for_every_shipped_cluster()
    {
        var db = await RunSample();
        var clusters = Directory.GetFiles(Path.Combine(Repo.Pipelines, "clusters"), "*.json").Length;
        foreach (var mart in new[] { "cluster_exports", "cluster_destinations", "cluster_prices", "cluster_concentration" })
            Assert.Equal((long)clusters, Duck.Scalar(db, $"SELECT count(DISTINCT cluster_id) FROM marts.{mart}"));
        foreach (var mart in new[] { "country_product_rca", "cluster_export_decomposition", "region_activity", "cluster_coverage" })
            Assert.True((long)Duck.Scalar(db, $"SELECT count(*) FROM marts.{mart}")! > 0, mart);
        // Published beside the warehouse as Parquet too.
        foreach (var mart in new[] { "country_product_rca", "cluster_destinations", "cluster_export_decomposition", "cluster_prices",
                     "cluster_concentration", "region_activity" })
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir.Combine("data"), "lake", "marts", mart), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Prices_firms_and_regional_shares_of_the_samples_are_the_hand_computed_ones()
    {
        var db = await RunSample();
        // Colombia coffee 1999: FAO sample producer price 1,770 USD/t; real in 2020 USD with the US CPI-U:
        // 1770 x 258.811 / 166.6 = 2749.672689076; export unit value 2.00 USD/kg = 2,000 USD/t (BACI sample);
        // farm-gate share 1770 / 2000 = 0.885.
        Assert.Equal(["1770|2749.672689076|2000|0.885|2020"], Duck.Query(db, """
            SELECT producer_price_usd_t, real_producer_price, export_unit_value_usd_t, farm_gate_share, base_year
            FROM marts.cluster_prices WHERE cluster_id = 'colombia-coffee' AND year = 1999
            """).Select(r => string.Join("|", r.Select(Cell))));
        // Puebla furniture (SCIAN 3371, state 21) in the DENUE sample (snapshot 2024-11): 10 establishments,
        //   bands 4 x "0 a 5", 2 x "6 a 10", 2 x "11 a 30", 1 x "31 a 50", 1 x "51 a 100";
        //   low  = 4x0 + 2x6 + 2x11 + 31 + 51 = 116;   mid = 4x2.5 + 2x8 + 2x20.5 + 40.5 + 75.5 = 183;
        //   high = 4x5 + 2x10 + 2x30 + 50 + 100 = 250;
        //   CR4 can lie anywhere the bands allow, from the four largest at their lower bounds with the rest at their upper,
        //   (51 + 31 + 11 + 11) / (104 + 2x10 + 4x5) = 104 / 144 = 0.722222222, to the four largest at their upper bounds
        //   with the rest at their lower, (100 + 50 + 30 + 30) / (210 + 2x6 + 4x0) = 210 / 222 = 0.945945946 (it read
        //   0.897 "low" > 0.84 "high": top four's lower bounds over all lower bounds, and likewise for the upper).
        //   HHI mid = (4x2.5² + 2x8² + 2x20.5² + 40.5² + 75.5²) / 183² = 8334 / 33489 = 0.248857834.
        //   HHI max: the 51-100 establishment at 100, every other at its lower bound: 100, 31, 11, 11, 6, 6, 0 x 4:
        //     (10000 + 961 + 2 x 121 + 2 x 36) / 165² = 11275 / 27225 = 0.414141414.
        //   HHI min: as equal as the bands allow: the 31-50 one at m = A / B between 31 and 50 with the others at
        //     51, 30, 30, 10, 10, 5 x 4 (A = 51² + 2 x 30² + 2 x 10² + 4 x 5² = 4701, B = 151): A / (B² + A) = 4701 / 27502
        //     = 0.170933023.
        Assert.Equal(["10|116|183|250|0.722222222|0.945945946|0.170933023|0.248857834|0.414141414"], Duck.Query(db, """
            SELECT firm_count, firm_employment_low, firm_employment_mid, firm_employment_high, firm_cr4_low, firm_cr4_high,
                   firm_hhi_low, firm_hhi_mid, firm_hhi_high
            FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 2024
            """).Select(r => string.Join("|", r.Select(Cell))));
        // region_activity on the same sample (midpoints): Uruapan (16102) packs avocados (115113) with 696.5 of its 707
        //   employees; the class employs 760 in the sample, everything 953.5:
        //   LQ = (696.5 / 707) / (760 / 953.5) = 1.235972512; share of the class 696.5 / 760 = 0.916447368.
        Assert.Equal(["2024|6|451|696.5|NULL|1.235972512|0.916447368|1"], Duck.Query(db, """
            SELECT year, establishments, employment_low, employment_mid, employment_high, location_quotient, share_of_national,
                   open_band_establishments
            FROM marts.region_activity WHERE municipality_key = '16102' AND scian_code = '115113'
            """).Select(r => string.Join("|", r.Select(Cell))));
        // Location quotient and locational Gini, relative to the DENUE sample (midpoints): Michoacán 770.5, Puebla 183,
        // all of Puebla's in furniture: LQ = (183 / 183) / (183 / 953.5) = 5.210382514. Lorenz curve, states by LQ:
        // Michoacán (x 770.5 / 953.5 = 0.808074, y 0), then Puebla (1, 1): area = (1 - 0.808074) x (0 + 1) / 2
        // = 0.095962; Gini = 0.5 - 0.095962 = 0.404037756.
        Assert.Equal(["5.210382514|0.404037756"], Duck.Query(db, """
            SELECT location_quotient, locational_gini FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 2024
            """).Select(r => string.Join("|", r.Select(Cell))));
        // Census sample 1999: Puebla employs 7,383 of the nation's 131,200 in subsector 337 (no national row for
        // rama 3371, so the level above is used): 7383 / 131200 = 0.056272866.
        Assert.Equal(["0.056272866"], Duck.Query(db,
                "SELECT regional_share FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 1999")
            .Select(r => string.Join("|", r.Select(Cell))));
        // Coverage of the FAO and INEGI sources: the FAO sample has milk (882) for Uruguay 1999-2003 (5 years) but no
        // bananas (486) for Ecuador; DENUE has the 10 Puebla furniture establishments, and nothing for avocado
        // growing (SCIAN 111334: crop growing is outside DENUE's scope).
        Assert.Equal(["ecuador-bananas|1|0|0|0|0", "mexico-avocado|1|1|5|1|0", "mexico-furniture|0|0|0|1|10", "uruguay-dairy|1|1|5|0|0"],
            Duck.Query(db, """
                SELECT cluster_id, fao_items, fao_items_with_production, fao_production_years, scian_codes, denue_establishments
                FROM marts.cluster_coverage
                WHERE cluster_id IN ('ecuador-bananas', 'mexico-avocado', 'mexico-furniture', 'uruguay-dairy') ORDER BY 1
                """).Select(r => string.Join("|", r.Select(Cell))));
        // A cluster without SCIAN codes says why it has no firm indicators instead of showing zeros.
        Assert.Contains("no SCIAN codes", (string)Duck.Scalar(db,
            "SELECT notes FROM marts.cluster_concentration WHERE cluster_id = 'chile-salmon' AND year = 2001")!);
    }

    [Fact]
    public async Task A_withheld_census_cell_makes_the_regional_share_null_with_its_reason_never_zero()
    {
        // Withhold Puebla's 1999 subsector 337 row (INEGI marks confidential cells "C").
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var saic = Path.Combine(pipelines, "samples", "inegi", "SAIC_Exporta_SAMPLE.csv");
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(saic));
        Assert.Contains("1413,7383,812.345,371.210", text);
        File.WriteAllBytes(saic, System.Text.Encoding.Latin1.GetBytes(text.Replace("1413,7383,812.345,371.210", "1413,\"C\",\"C\",\"C\"")));
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest("withheld", pipelines, _dir.Combine("data"), Repo.Sql, false),
            CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        var db = new DataLayout(_dir.Combine("data")).WarehouseFile;

        var row = Duck.Query(db, """
            SELECT regional_share, notes FROM marts.cluster_concentration WHERE cluster_id = 'mexico-furniture' AND year = 1999
            """).Single();
        Assert.Null(row[0]);
        Assert.Contains("regional_share NULL: a census cell is withheld (confidential)", (string)row[1]!);
        // Staging keeps it suppressed, not zero.
        Assert.Equal(["NULL|true"], Duck.Query(db, """
            SELECT employment, suppressed FROM staging.stg_inegi_census
            WHERE census_year = 1999 AND state_key = '21' AND area_level = 'state' AND scian_code = '337'
            """).Select(r => string.Join("|", r.Select(Cell))));
    }

    [Fact]
    public async Task The_report_command_prints_a_readable_profile_of_a_cluster()
    {
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var data = _dir.Combine("data");
        var run = await CliRunner.RunAsync(_dir.Path, "run", "--pipelines", pipelines, "--data-dir", data, "--sql", Repo.Sql);
        Assert.Equal(0, run.ExitCode);

        var report = await CliRunner.RunAsync(_dir.Path, "report", "chile-salmon", "--data-dir", data);

        Assert.Equal(0, report.ExitCode);
        // The sample's 2001 figures (see SampleRunTests): 964.3 M USD, world share 32.14 %, RCA 91.84, JPN first.
        Assert.Contains("chile-salmon: Salmon farming, Chile", report.Stdout);
        Assert.Matches(@"2001\s+964\.3\s+9\.6 %\s+32\.14 %\s+91\.84\s+4\s+JPN", report.Stdout);
        Assert.Contains("Latest year with exports: 2002", report.Stdout);
        // Complexity, from marts.country_complexity and marts.cluster_complexity (snapshots): Chile's ECI in 2002 and its
        // rank among the sample's 38 exporters, its 4 salmon codes all with RCA >= 1 (no density over lacking products: "-"),
        // and the option of highest COG among the 10 nearest products it lacks.
        Assert.Matches(@"2002\s+HS92\s+-0\.58\s+21 of 38\s+4 of 4\s+-0\.74\s+-\s+100190\s+0\.86", report.Stdout);
        // Every report fits a terminal of 120 columns: wide sections are split, notes wrapped under the table.
        var furniture = await CliRunner.RunAsync(_dir.Path, "report", "mexico-furniture", "--data-dir", data);
        Assert.Contains("    2000: no DENUE snapshot for the year", furniture.Stdout);
        foreach (var line in (report.Stdout + furniture.Stdout).Split('\n'))
            Assert.True(line.TrimEnd('\r').Length <= 120, $"{line.Length} columns: {line}");
        var unknown = await CliRunner.RunAsync(_dir.Path, "report", "chile-salmom", "--data-dir", data);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("closest: chile-salmon", unknown.Stdout + unknown.Stderr);
    }
}
