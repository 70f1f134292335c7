using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.EndToEnd;

/// <summary>
/// pipelines/examples: definitions at the publishers' real download locations. Without the internet, copies of real files
/// (the bundled samples, written in the real layouts, and ../shared's FAOSTAT trade matrix) are served from a loopback
/// server at the same paths, through <see cref="HttpMirror"/>, in a child process.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class ExampleSourcesTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    static string Examples => Path.Combine(Repo.Pipelines, "examples");
    static string Sample(params string[] parts) => Path.Combine([Repo.Pipelines, "samples", .. parts]);

    [Fact]
    public void The_examples_point_at_the_publishers_and_validate()
    {
        var definitions = PipelineDefinitions.Load(Examples, SourceConnectors.Kinds);

        Assert.Equal(["baci_hs92", "comtrade_api", "denue_michoacan", "faostat_pp", "faostat_qcl", "faostat_tcl", "faostat_tm", "inegi_bie"],
            definitions.Sources.Select(s => s.Id));
        Assert.All(definitions.Sources, s => Assert.StartsWith("https://", s.Location));
        Assert.Equal("https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_V202501.zip", definitions.Source("baci_hs92").Location);
        // Every refresh of the schedule names example sources.
        Assert.Equal(["monthly-trade", "weekly-fao-and-inegi"], ScheduleDefinitions.Load(definitions).Select(s => s.Id).Order());
    }

    [Fact]
    public void The_mirror_maps_a_publishers_URL_onto_its_host_and_path()
    {
        Environment.SetEnvironmentVariable(HttpMirror.Variable, null);
        Assert.Equal("https://www.cepii.fr/a.zip", HttpMirror.Rewrite("https://www.cepii.fr/a.zip"));
    }

    [Fact]
    public async Task Offline_the_run_fails_at_once_with_one_line_naming_the_host()
    {
        // A mirror nobody listens on stands for a machine without network: the connection is refused, not retried.
        var env = new Dictionary<string, string> { [HttpMirror.Variable] = $"http://127.0.0.1:{Ports.Free()}" };

        var result = await CliRunner.RunAsync(_dir.Path, env, "run", "--pipelines", Examples, "--data-dir", _dir.Combine("data"));

        Assert.Equal(1, result.ExitCode);
        var error = result.Stderr.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.Contains("cannot reach www.cepii.fr: the connection was refused", error);
        Assert.Contains("baci_hs92", error);
        Assert.DoesNotContain("attempt 2", result.Stdout);
    }

    [RequiresSharedFact]
    public async Task Served_at_the_publishers_paths_every_example_runs_end_to_end()
    {
        var files = new Dictionary<string, (string File, string? Name)>
        {
            ["/www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_V202501.zip"] = (Sample("baci", "BACI_HS92_V202201_SAMPLE.zip"), null),
            ["/bulks-faostat.fao.org/production/Production_Crops_Livestock_E_All_Data_(Normalized).zip"] =
                (Sample("faostat", "Production_Crops_Livestock_E_All_Data_(Normalized).zip"), null),
            ["/bulks-faostat.fao.org/production/Prices_E_All_Data_(Normalized).zip"] = (Sample("faostat", "Prices_E_All_Data_(Normalized).zip"), null),
            // FAOSTAT serves TCL and TM as bulk zips; our copies are web downloads of the same domains (named by the server).
            ["/bulks-faostat.fao.org/production/Trade_CropsLivestock_E_All_Data_(Normalized).zip"] =
                (Sample("faostat", "FAOSTAT_data_en_11-22-2025.csv"), "FAOSTAT_data_en_11-22-2025.csv"),
            ["/bulks-faostat.fao.org/production/Trade_DetailedTradeMatrix_E_All_Data_(Normalized).zip"] =
                (Repo.SharedFile("data", "real", "faostat", "FAOSTAT_trade_matrix.csv"), "FAOSTAT_trade_matrix.csv"),
            ["/www.inegi.org.mx/contenidos/masiva/denue/denue_16_csv.zip"] = (Sample("inegi", "denue_inegi_16_21_SAMPLE_csv.zip"), null),
        };
        var bie = JsonNode.Parse(File.ReadAllText(Sample("inegi", "bie_inpc_tipo_de_cambio_SAMPLE.json")))!;
        var paths = new List<string>();
        await using var server = new LoopbackHttpServer(async (ctx, _) =>
        {
            var path = Uri.UnescapeDataString(ctx.Request.Url!.AbsolutePath);
            lock (paths) paths.Add(path);
            if (files.TryGetValue(path, out var f))
            {
                if (f.Name is not null) ctx.Response.AddHeader("Content-Disposition", $"attachment; filename=\"{f.Name}\"");
                await LoopbackHttpServer.Send(ctx, await File.ReadAllBytesAsync(f.File));
            }
            else if (path.StartsWith("/www.inegi.org.mx/app/api/indicadores/desarrolladores/jsonxml/INDICATOR/", StringComparison.Ordinal))
            {
                // .../INDICATOR/<id>/es/00/false/BIE/2.0/<token>: the sample's series of that indicator.
                var id = path.Split('/')[7];
                var answer = bie.DeepClone();
                var series = answer["Series"]!.AsArray();
                foreach (var s in series.Where(s => (string)s!["INDICADOR"]! != id).ToList()) series.Remove(s);
                await LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes(answer.ToJsonString()));
            }
            else if (path == "/comtradeapi.un.org/data/v1/get/C/A/HS")
            {
                // Chile's fresh salmon (HS17 030214) to the USA, one record per year asked.
                var records = string.Join(",", ctx.Request.QueryString["period"]!.Split(',').Select(y => $$"""
                    {"typeCode":"C","freqCode":"A","refYear":{{y}},"refMonth":52,"period":"{{y}}","reporterCode":152,"reporterISO":"CHL",
                     "flowCode":"X","partnerCode":842,"partnerISO":"USA","partner2Code":0,"classificationCode":"H5","cmdCode":"030214",
                     "aggrLevel":6,"customsCode":"C00","motCode":0,"qtyUnitCode":8,"qtyUnitAbbr":"kg","qty":100,"isQtyEstimated":false,
                     "netWgt":100,"isNetWgtEstimated":false,"cifvalue":null,"fobvalue":1000,"primaryValue":1000,"legacyEstimationFlag":0}
                    """));
                await LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes($$"""{"elapsedTime":"0.1 secs","count":1,"data":[{{records}}],"error":""}"""));
            }
            else
            {
                await LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes("not found"), 404);
            }
        });
        var env = new Dictionary<string, string>
        {
            [HttpMirror.Variable] = server.Url(""), ["INEGI_BIE_TOKEN"] = "bie-test-token", ["COMTRADE_API_KEY"] = "ct-test-key",
        };

        var result = await CliRunner.RunAsync(_dir.Path, env, "run", "--pipelines", Examples, "--data-dir", _dir.Combine("data"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        // Every source was fetched at its publisher's path: BACI, four FAOSTAT domains, DENUE (6 files), two BIE indicators
        // and the Comtrade API (one request for its four years: the API takes up to 12): 9 paths.
        Assert.Equal(9, paths.Distinct().Count());
        var warehouse = new DataLayout(_dir.Combine("data")).WarehouseFile;
        Assert.Equal(8L, Duck.Scalar(warehouse, "SELECT count(DISTINCT source) FROM meta.extracts"));
        Assert.True((long)Duck.Scalar(warehouse, "SELECT count(*) FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon'")! > 0);
    }
}
