using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize.Inegi;

/// <summary>The default run on a private copy of the bundled definitions: the INEGI samples reach the staging models.</summary>
public sealed class InegiSampleRunTests : IDisposable
{
    readonly TempDir _dir = new();

    public InegiSampleRunTests() => Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));

    public void Dispose() => _dir.Dispose();

    DataLayout Layout => new(_dir.Combine("data"));

    List<object?[]> Query(string sql) => Duck.Query(Layout.WarehouseFile, sql);

    [Fact]
    public async Task The_default_run_builds_the_INEGI_staging_models_with_the_hand_computed_values()
    {
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), _dir.Combine("pipelines"),
            Layout.DataDir, Repo.Sql, false), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);

        // DENUE sample (pipelines/samples/inegi/make_samples.py), Uruapan (16102), SCIAN 115113, six establishments in bands
        // 11-30, 31-50, 51-100, 101-250, 251+, 6-10:
        //   low = 11 + 31 + 51 + 101 + 251 + 6 = 451; mid = 20.5 + 40.5 + 75.5 + 175.5 + 376.5 + 8 = 696.5;
        //   high unknown (one establishment in the open band 251 y más).
        Assert.Equal(["Michoacán de Ocampo", "Uruapan", 6L, 451L, 696.5, null, 1L], Query("""
            SELECT state_name, municipality_name, establishments, employment_low, employment_mid, employment_high, open_band_establishments
            FROM intermediate.int_denue_establishments_by_area WHERE municipality_key = '16102' AND scian_code = '115113'
            """).Single());
        // Puebla (21114), SCIAN 337120, five establishments in bands 0-5, 0-5, 6-10, 11-30, 51-100:
        //   low = 0 + 0 + 6 + 11 + 51 = 68; mid = 2.5 + 2.5 + 8 + 20.5 + 75.5 = 109; high = 5 + 5 + 10 + 30 + 100 = 150.
        Assert.Equal(["Puebla", 5L, 68L, 109.0, 150L, 0L], Query("""
            SELECT state_name, establishments, employment_low, employment_mid, employment_high, open_band_establishments
            FROM intermediate.int_denue_establishments_by_area WHERE municipality_key = '21114' AND scian_code = '337120'
            """).Single());
        // 11 establishments in Michoacán and 10 in Puebla; the Windows-1252 curly quotes and accents come out right.
        Assert.Equal([["16", 11L], ["21", 10L]], Query("SELECT state_key, count(*) FROM staging.stg_inegi_establishments GROUP BY 1 ORDER BY 1"));
        Assert.Equal(1L, Query("SELECT count(*) FROM staging.stg_inegi_establishments WHERE name = 'MUEBLERÍA “EL ROBLE”'").Single()[0]);

        // SAIC sample: Puebla's furniture subsector in 1999 (the published 1,413 units and 7,383 employees).
        Assert.Equal([1413L, 7383L, 812.345, 371.210, false, false], Query("""
            SELECT units, employment, gross_production_mxn_m, value_added_mxn_m, suppressed, is_total FROM staging.stg_inegi_census
            WHERE census_year = 1999 AND area_level = 'state' AND state_key = '21' AND scian_code = '337'
            """).Single());
        // "Total nacional" is a total under key 00.
        Assert.Equal([["00", "national", true, 19870L], ["00", "national", true, 24650L]], Query("""
            SELECT state_key, area_level, is_total, units FROM staging.stg_inegi_census WHERE state_name = 'Total nacional' ORDER BY census_year
            """));
        // The confidential cells (blank in 1999 San Andrés Cholula, C in 2019 Tancítaro) stay NULL and suppressed.
        Assert.Equal([["21119", 2L, null, null, null, true, "H001A,A111A,A131A"], ["16083", 2L, null, null, null, true, "H001A,A111A,A131A"]],
            Query("""
                SELECT municipality_key, units, employment, gross_production_mxn_m, value_added_mxn_m, suppressed, suppressed_columns
                FROM staging.stg_inegi_census WHERE suppressed ORDER BY census_year
                """));

        // BIE sample: the INPC 2023 annual mean of its 12 months
        //   (127.336 + 128.046 + 128.389 + 128.363 + 128.084 + 128.214 + 128.832 + 129.545 + 130.120 + 130.609 + 131.445 + 132.373)
        //   = 1551.356 / 12 = 129.279666...
        Assert.Equal([129.279667, 12], Query("""
            SELECT round(value, 6), periods_observed FROM staging.stg_inegi_index_series
            WHERE indicator_id = '628194' AND frequency = 'annual' AND period_year = 2023
            """).Single());
        // The exchange rate's December 2024 is empty in the answer: kept as NULL, and the 2024 mean is of 11 months:
        //   (17.08 + 17.09 + 16.82 + 16.78 + 16.84 + 18.23 + 18.05 + 19.14 + 19.61 + 19.73 + 20.33) = 199.70 / 11 = 18.154545...
        Assert.Equal([null, 0], Query("""
            SELECT value, periods_observed FROM staging.stg_inegi_index_series WHERE indicator_id = '628208' AND period = '2024/12'
            """).Single());
        Assert.Equal([18.154545, 11], Query("""
            SELECT round(value, 6), periods_observed FROM staging.stg_inegi_index_series
            WHERE indicator_id = '628208' AND frequency = 'annual' AND period_year = 2024
            """).Single());
        // 2 series x 24 months published + 2 x 2 annual means.
        Assert.Equal(52L, Query("SELECT count(*) FROM staging.stg_inegi_index_series").Single()[0]);
    }
}
