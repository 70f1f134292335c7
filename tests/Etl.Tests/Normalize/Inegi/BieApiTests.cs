using System.Text;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize.Inegi;

/// <summary>The indicators API through a real HTTP server on 127.0.0.1, the program run as a user runs it.</summary>
public sealed class BieApiTests : IDisposable
{
    const string Token = "tok-3f9a1c77-SECRET-b2e4";
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    string Pipelines => _dir.Combine("pipelines");
    DataLayout Layout => new(_dir.Combine("data"));

    /// <summary>The bundled definitions with one inegi_bie source at <paramref name="location"/> (no other source: fast).</summary>
    void WriteDefinitions(string location, string tokenEnv)
    {
        Repo.CopyDirectory(Repo.Pipelines, Pipelines);
        foreach (var f in Directory.GetFiles(Path.Combine(Pipelines, "sources"))) File.Delete(f);
        _dir.Write("pipelines/sources/inegi_bie_api.json", $$"""
            {
              "id": "inegi_bie_api", "kind": "inegi_bie", "location": "{{location}}",
              "options": { "indicators": ["628194", "999999"], "areas": ["00"], "token_env": "{{tokenEnv}}" },
              "fetch": { "attempts": 1 }
            }
            """);
    }

    // Newest first, as the API answers; 2024/02 has an empty OBS_VALUE.
    const string Inpc = """
        {"Header":{"Name":"","Email":""},"Series":[{"INDICADOR":"628194","FREQ":"8","TOPIC":"INPC","UNIT":"95","UNIT_MULT":"",
        "NOTE":"","SOURCE":"","LASTUPDATE":"09/04/2024","STATUS":null,"OBSERVATIONS":[
        {"TIME_PERIOD":"2024/03","OBS_VALUE":"134.065000","OBS_EXCEPTION":null,"OBS_STATUS":"3","OBS_SOURCE":"","OBS_NOTE":"","COBER_GEO":"00"},
        {"TIME_PERIOD":"2024/02","OBS_VALUE":"","OBS_EXCEPTION":null,"OBS_STATUS":"3","OBS_SOURCE":"","OBS_NOTE":"","COBER_GEO":"00"},
        {"TIME_PERIOD":"2024/01","OBS_VALUE":"133.555000","OBS_EXCEPTION":null,"OBS_STATUS":"3","OBS_SOURCE":"","OBS_NOTE":"","COBER_GEO":"00"}]}]}
        """;

    const string NoData = """["ErrorInfo:No se encontraron resultados","ErrorDetails:No se encontraron resultados","ErrorCode:100"]""";

    [Fact]
    public async Task Json_and_no_data_answers_are_read_and_the_token_is_in_neither_the_log_file_nor_the_manifest()
    {
        var paths = new List<string>();
        await using var server = new LoopbackHttpServer(async (ctx, _) =>
        {
            var path = ctx.Request.Url!.AbsolutePath;
            lock (paths) paths.Add(path);
            if (path.Contains("/628194/")) await LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes(Inpc));
            else await LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes(NoData), status: 400);
        });
        WriteDefinitions(server.Url("/app/api/indicadores/desarrolladores/jsonxml/INDICATOR"), "CLUSTERETL_TEST_BIE_TOKEN");

        var r = await CliRunner.RunAsync(_dir.Path, new Dictionary<string, string> { ["CLUSTERETL_TEST_BIE_TOKEN"] = Token },
            "run", "--pipelines", Pipelines, "--data-dir", Layout.DataDir, "--sql", Repo.Sql);

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        // The server was asked with the token in the path, one request per indicator (area 00, whole series, BIE).
        Assert.Equal([$"/app/api/indicadores/desarrolladores/jsonxml/INDICATOR/628194/es/00/false/BIE/2.0/{Token}",
            $"/app/api/indicadores/desarrolladores/jsonxml/INDICATOR/999999/es/00/false/BIE/2.0/{Token}"], paths.Order());
        // The token is nowhere the program writes: log file, manifest, console.
        var logs = Directory.GetFiles(Layout.LogsDir, "*.json");
        Assert.NotEmpty(logs);
        var logText = string.Concat(logs.Select(File.ReadAllText));
        var manifest = File.ReadAllText(Layout.RawManifest);
        Assert.DoesNotContain(Token, logText);
        Assert.DoesNotContain(Token, manifest);
        Assert.DoesNotContain(Token, r.Stdout + r.Stderr);
        Assert.Contains("/INDICATOR/628194/es/00/false/BIE/2.0/***?type=json", manifest);
        // ErrorCode 100 is reported as "no data", as a warning, not a failure.
        Assert.Contains("WRN] inegi_bie_api: no data for indicator(s) 999999 in area 00 (API ErrorCode 100: No se encontraron resultados)",
            r.Stdout);
        Assert.Contains("no data for indicator(s) {Indicators}", logText); // the log file keeps the template and its properties

        // Oldest first; the empty OBS_VALUE is a missing value, not zero, and not dropped.
        var rows = Duck.Query(Layout.WarehouseFile, """
            SELECT period, period_month, value, frequency, derived FROM staging.stg_inegi_index_series
            WHERE indicator_id = '628194' AND NOT derived ORDER BY period_start
            """);
        Assert.Equal([["2024/01", 1, 133.555, "monthly", false], ["2024/02", 2, null, "monthly", false],
            ["2024/03", 3, 134.065, "monthly", false]], rows);
        // The annual row averages the months with a value: (133.555 + 134.065) / 2 = 133.81, from 2 months.
        Assert.Equal([133.81, 2], Duck.Query(Layout.WarehouseFile,
            "SELECT round(value, 6), periods_observed FROM staging.stg_inegi_index_series WHERE derived AND period = '2024'").Single());
    }

    [Fact]
    public async Task Without_the_token_variable_the_pull_fails_saying_which_variable_to_set()
    {
        var variable = "CLUSTERETL_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        WriteDefinitions("http://127.0.0.1:9/INDICATOR", variable);

        var outcome = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines,
            Layout.DataDir, Repo.Sql, false), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("pull", outcome.FailedStage);
        Assert.Contains($"the environment variable {variable} is not set", outcome.Error);
    }

    [Fact]
    public async Task An_API_error_other_than_no_data_fails_the_source_with_its_message()
    {
        await using var server = new LoopbackHttpServer((ctx, _) => LoopbackHttpServer.Send(ctx,
            Encoding.UTF8.GetBytes("""["ErrorInfo:Token inválido","ErrorDetails:El token no es válido","ErrorCode:101"]"""), status: 400));
        var variable = "CLUSTERETL_TEST_BIE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        WriteDefinitions(server.Url("/INDICATOR"), variable);
        Environment.SetEnvironmentVariable(variable, Token);
        try
        {
            var outcome = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines,
                Layout.DataDir, Repo.Sql, false), CancellationToken.None);

            Assert.False(outcome.Succeeded);
            Assert.Equal("normalize", outcome.FailedStage);
            Assert.Contains("the INEGI indicators API answered error 101: Token inválido", outcome.Error);
            Assert.DoesNotContain(Token, outcome.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
