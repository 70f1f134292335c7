using System.Text;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize.Faostat;

/// <summary>The FAOSTAT sources through the whole pipeline (pull, normalize, transform, publish) on a copy of the definitions.</summary>
public sealed class FaostatPipelineTests : IDisposable
{
    readonly TempDir _dir = new();

    public FaostatPipelineTests() => Repo.CopyDirectory(Repo.Pipelines, Pipelines);

    public void Dispose() => _dir.Dispose();

    string Pipelines => _dir.Combine("pipelines");
    DataLayout Layout => new(_dir.Combine("data"));

    Task<RunOutcome> Run() =>
        PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines, Layout.DataDir, Repo.Sql, false),
            CancellationToken.None);

    object?[] Row(string sql) => Duck.Query(Layout.WarehouseFile, sql).Single();

    [Fact]
    public async Task The_default_run_publishes_the_FAOSTAT_samples_in_the_staging_tables()
    {
        var outcome = await Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        // Uruguay 1999 (QCL bulk zip): 1,500,000 t of milk; 585,938 milk animals; yield 25,600 hg/An = 2,560 kg per cow.
        Assert.Equal([1_500_000.0, 585_938.0, 2_560.0, "A"], Row("""
            SELECT production_t, milk_animals_an, yield_kg_an, production_flag FROM staging.stg_fao_production
            WHERE area_iso3 = 'URY' AND item_code_fao = 882 AND year = 1999
            """));
        // Mexico avocado 2001: 940,000 t on 96,000 ha; yield round(940,000,000 kg / 96,000 ha) = 9,792 kg/ha.
        Assert.Equal([940_000.0, 96_000.0, 9_792.0], Row("""
            SELECT production_t, area_harvested_ha, yield_kg_ha FROM staging.stg_fao_production
            WHERE area_iso3 = 'MEX' AND item_code_fao = 572 AND year = 2001
            """));
        // World milk 1999 without aggregates: ARG 9,800,000 + URY 1,500,000 + CHL 2,050,000 + COL 5,500,000 + NIC 220,000
        // + NZL 10,882,000 = 29,952,000 t (the sample's "World" row, 482,000,000, is an aggregate and left out).
        Assert.Equal(29_952_000.0, Row("""
            SELECT sum(production_t) FROM staging.stg_fao_production WHERE item_code_fao = 882 AND year = 1999 AND NOT area_is_aggregate
            """)[0]);
        // Côte d'Ivoire coffee 2001 (PP bulk zip, Latin-1): 420 USD/t and 420 x 733.0 = 307,860 XOF/t.
        Assert.Equal(["Côte d'Ivoire", 420.0, 307_860.0], Row("""
            SELECT area, price_usd_t, price_lcu_t FROM staging.stg_fao_producer_prices WHERE area_iso3 = 'CIV' AND item_code_fao = 656 AND year = 2001
            """));
        // Brazil mango 2002 (TCL web download): 103,598 t exported for 51,000 thousand USD = 51,000,000 USD (clusters.md: 51 USD m).
        Assert.Equal([103_598.0, 51_000_000.0, 0.0, 0.0], Row("""
            SELECT export_qty_t, export_value_usd, import_qty_t, import_value_usd FROM staging.stg_fao_trade
            WHERE area_iso3 = 'BRA' AND item_code_fao = 571 AND year = 2002
            """));
        Assert.Equal(0L, Row("SELECT count(*) FROM staging.stg_quarantine WHERE source_id LIKE 'faostat%'")[0]);
    }

    [RequiresSharedFact]
    public async Task A_folder_of_downloads_and_a_mislabelled_Latin1_URL_load_through_the_pipeline()
    {
        // A folder holding the two real web downloads.
        var folder = _dir.Combine("downloads");
        Directory.CreateDirectory(folder);
        File.Copy(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_data.csv"), Path.Combine(folder, "FAOSTAT_data.csv"));
        File.Copy(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_trade_matrix.csv"), Path.Combine(folder, "FAOSTAT_trade_matrix.csv"));
        File.WriteAllText(Path.Combine(Pipelines, "sources", "fao_folder.json"),
            $$"""{ "id": "fao_folder", "kind": "faostat", "location": {{System.Text.Json.JsonSerializer.Serialize(folder)}} }""");
        // Latin-1 bytes served as "charset=utf-8" under a name that says UTF-8.
        var latin1 = Encoding.Latin1.GetBytes(
            "\"Area Code\",\"Area Code (M49)\",\"Area\",\"Item Code\",\"Item Code (CPC)\",\"Item\",\"Element Code\",\"Element\",\"Year Code\",\"Year\",\"Unit\",\"Value\",\"Flag\",\"Note\"\r\n" +
            "107,\"'384\",\"Côte d'Ivoire\",656,\"'01610\",\"Coffee, green\",5510,\"Production\",2001,2001,\"t\",208000,\"A\",\"\"\r\n" +
            "279,\"'531\",\"Curaçao\",1057,\"'02151\",\"Chickens\",5112,\"Stocks\",2022,2022,\"1000 An\",13,\"E\",\"\"\r\n");
        await using var server = new LoopbackHttpServer(async (ctx, _) =>
        {
            ctx.Response.ContentType = "text/csv; charset=utf-8";
            ctx.Response.ContentLength64 = latin1.Length;
            await ctx.Response.OutputStream.WriteAsync(latin1);
        });
        File.WriteAllText(Path.Combine(Pipelines, "sources", "fao_http.json"),
            $$"""{ "id": "fao_http", "kind": "faostat", "location": "{{server.Url("Production_Crops_Livestock_E_All_Data_(Normalized)_UTF8.csv")}}" }""");

        var outcome = await Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["data", "data:FAOSTAT_trade_matrix.csv"],
            Duck.Query(Layout.WarehouseFile, "SELECT role FROM meta.extracts WHERE source = 'fao_folder' ORDER BY role").Select(r => r[0]));
        Assert.Equal(4_764_193.0, Row("SELECT export_qty_t FROM staging.stg_fao_trade WHERE source_id = 'fao_folder' AND area_iso3 = 'ECU' AND year = 2005")[0]);
        // Trade matrix: 2,560 rows over 667 distinct reporter-partner-year triples (657 with exports, 623 with imports,
        // counted in the CSV). France -> Germany 2000: exports 346 t for 882 thousand US$, imports 421 t for 1,745 thousand US$.
        Assert.Equal(667L, Row("SELECT count(*) FROM staging.stg_fao_trade_matrix WHERE source_id = 'fao_folder'")[0]);
        Assert.Equal([346.0, 882_000.0, 421.0, 1_745_000.0], Row("""
            SELECT export_qty_t, export_value_usd, import_qty_t, import_value_usd FROM staging.stg_fao_trade_matrix
            WHERE reporter_iso3 = 'FRA' AND partner_iso3 = 'DEU' AND year = 2000
            """));
        // The mislabelled Latin-1 file: names intact in the warehouse, no mojibake.
        Assert.Equal(["Curaçao", "Côte d'Ivoire"], Duck.Query(Layout.WarehouseFile, // byte order: "u" before "ô"
            "SELECT DISTINCT area FROM staging.stg_fao_production WHERE source_id = 'fao_http' ORDER BY area").Select(r => r[0]));
        Assert.Equal(13_000.0, Row("SELECT stocks_an FROM staging.stg_fao_production WHERE source_id = 'fao_http' AND area_iso3 = 'CUW'")[0]);
    }
}
