using System.Text.RegularExpressions;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Service;

/// <summary>`serve` with PostgreSQL storage, as production runs it: a real PostgreSQL 15 on loopback.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class ServiceTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A copy of the bundled pipelines, a data folder, a new job storage database, and the options every command needs.</summary>
    async Task<(string Pipelines, DataLayout Layout, Dictionary<string, string> Env, string[] Common)> SetUp(bool copyPipelines = true)
    {
        var pipelines = _dir.Combine("pipelines");
        if (copyPipelines) Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var layout = new DataLayout(_dir.Combine("data"));
        var env = new Dictionary<string, string> { ["CLUSTERETL_POSTGRES"] = await postgres.CreateDatabaseAsync() };
        return (pipelines, layout, env, ["--storage", "postgres", "--pipelines", pipelines, "--data-dir", layout.DataDir, "--sql", Repo.Sql]);
    }

    [Fact]
    public async Task Two_serve_processes_share_the_storage_and_each_triggered_run_executes_exactly_once()
    {
        var (pipelines, layout, env, common) = await SetUp();

        using var a = new ServeProcess(_dir.Path, env, ["serve", "--workers", "2", .. common]);
        using var b = new ServeProcess(_dir.Path, env, ["serve", "--workers", "2", .. common]);
        await a.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
        await b.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));

        var jobs = await CliRunner.RunAsync(_dir.Path, env, ["jobs", .. common]);
        Assert.Equal(0, jobs.ExitCode);
        Assert.Contains("baci-monthly", jobs.Stdout);
        Assert.Contains("America/Santiago", jobs.Stdout);
        for (var i = 0; i < 3; i++)
        {
            var t = await CliRunner.RunAsync(_dir.Path, env, ["trigger", "baci-monthly", .. common]);
            Assert.True(t.ExitCode == 0, t.Stderr);
        }

        // Wait until three runs have published (or skipped publishing).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        string[] runs = [];
        while (DateTime.UtcNow < deadline)
        {
            runs = Directory.Exists(layout.RunsDir) ? Directory.GetDirectories(layout.RunsDir).Select(d => Path.GetFileName(d)!).Order().ToArray() : [];
            if (runs.Length == 3 && runs.All(r => File.Exists(Path.Combine(layout.RunDir(r), "publish.json")))) break;
            await Task.Delay(250);
        }
        Assert.True(runs.Length == 3, $"runs: {string.Join(", ", runs)}\nA:\n{a.Output}\nB:\n{b.Output}");

        var logs = a.Output + b.Output;
        foreach (var run in runs)
        {
            foreach (var stage in new[] { "pull", "normalize", "transform", "publish" })
            {
                // Each stage of each run ran on exactly one worker of the two processes, once.
                Assert.Single(Regex.Matches(logs, Regex.Escape($"{stage} started (run {run})")));
                var report = RunLedger.Read<StageReport>(layout, run, stage)!;
                Assert.Contains(report.Status, new[] { "succeeded", "skipped" });
            }
        }
        // The content is the same for the three runs: one normalization in all; the marts are right.
        Assert.Single(runs, r => RunLedger.Read<StageReport>(layout, r, "normalize")!.Status == "succeeded");
        Assert.Equal(964_300_000.0, (double)Duck.Scalar(layout.WarehouseFile,
            "SELECT export_value_usd FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2001")!, 6);

        var ledger = await CliRunner.RunAsync(_dir.Path, ["runs", "--data-dir", layout.DataDir]);
        Assert.Equal(3, Regex.Matches(ledger.Stdout, @"^\d{8}T\d{6}Z-\w+  ok      started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC  took \d+\.\d\d s$", RegexOptions.Multiline).Count);

        // The password appears nowhere: not in output, logs, ledger, manifest or warehouse metadata.
        Assert.DoesNotContain(PostgresServer.Password, logs + jobs.Stdout + jobs.Stderr);
        foreach (var f in Directory.GetFiles(layout.DataDir, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json") || f.EndsWith(".jsonl")))
            Assert.DoesNotContain(PostgresServer.Password, await File.ReadAllTextAsync(f));
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_run_leaves_it_to_the_other_which_publishes_the_same_marts()
    {
        // A source big enough that normalizing takes a few seconds: a generated BACI year of 3 million rows.
        var pipelines = _dir.Combine("pipelines");
        var (csv, cc) = ClusterEtl.Transforms.Benchmarks.SyntheticBaci.Write(_dir.Combine("pipelines", "big"), 3_000_000);
        _dir.Write("pipelines/sources/big.json",
            $$"""{ "id": "big", "kind": "baci", "location": "{{csv}}", "options": { "country_codes": "{{cc}}", "hs_vintage": "HS17" } }""");
        // Country code 4 of the generated file is "AAE"; all HS chapter 01 and 02 products.
        _dir.Write("pipelines/clusters/synthetic.json",
            """{ "id": "synthetic", "name": "Synthetic", "country": "AAE", "products": { "hs": ["01", "02"], "hs_vintage": "HS17" } }""");
        _dir.Write("pipelines/schedule.json", """{ "schedules": [ { "id": "all", "cron": "0 0 1 1 *", "refresh": "all" } ] }""");
        var (_, layout, env, common) = await SetUp(copyPipelines: false);
        string[] serve = ["serve", "--workers", "1", "--invisibility-timeout", "5", "--lock-timeout", "10", .. common];

        var a = new ServeProcess(_dir.Path, env, serve);
        using var b = new ServeProcess(_dir.Path, env, serve);
        try
        {
            await a.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
            await b.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
            Assert.Equal(0, (await CliRunner.RunAsync(_dir.Path, env, ["trigger", "all", .. common])).ExitCode);

            // Kill (SIGKILL) whichever process starts normalizing, in the middle of it.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!a.Output.Contains("normalize started") && !b.Output.Contains("normalize started") && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            var (victim, survivor) = a.Output.Contains("normalize started") ? (a, b) : (b, a);
            await Task.Delay(500);
            Assert.DoesNotContain("normalize succeeded", victim.Output);
            victim.Dispose();

            await survivor.WaitForOutputAsync("publish succeeded", TimeSpan.FromSeconds(120));
        }
        finally
        {
            a.Dispose();
        }

        // The same marts as an uninterrupted run of the same definitions.
        var reference = _dir.Combine("reference");
        var run = await CliRunner.RunAsync(_dir.Path, "run", "--pipelines", pipelines, "--data-dir", reference, "--sql", Repo.Sql);
        Assert.True(run.ExitCode == 0, run.Stderr);
        const string mart = "SELECT * FROM read_parquet('{0}/lake/marts/cluster_exports/*/*.parquet', hive_partitioning = true) ORDER BY ALL";
        var expected = Duck.Query(null, string.Format(mart, reference));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Duck.Query(null, string.Format(mart, layout.DataDir)));
        // Nothing half-written is left where readers look, and the killed attempt's staging is gone.
        Assert.Single(Directory.GetFiles(Path.Combine(layout.NormalizedDir, "trade_flows", "source=big"), "*.parquet", SearchOption.AllDirectories));
        Assert.Empty(Directory.Exists(layout.StagingDir) ? Directory.GetFileSystemEntries(layout.StagingDir) : []);
    }

    [Fact]
    public async Task Schedules_are_synchronised_with_the_file_at_every_start()
    {
        var (_, _, env, common) = await SetUp();
        async Task<string> StartStopAndList()
        {
            using (var s = new ServeProcess(_dir.Path, env, ["serve", .. common]))
            {
                await s.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
                s.Stop();
            }
            return (await CliRunner.RunAsync(_dir.Path, env, ["jobs", .. common])).Stdout;
        }
        _dir.Write("pipelines/schedule.json", """
            { "schedules": [ { "id": "a", "cron": "0 6 * * *", "refresh": "all" },
                             { "id": "b", "cron": "0 7 * * *", "refresh": "all" } ] }
            """);
        var first = await StartStopAndList();
        _dir.Write("pipelines/schedule.json", """
            { "schedules": [ { "id": "b", "cron": "15 8 * * *", "time_zone": "America/Mexico_City", "refresh": "all" },
                             { "id": "c", "cron": "0 9 * * *", "refresh": "all" } ] }
            """);

        var second = await StartStopAndList();

        // Recurring jobs go by the schedules' ids.
        Assert.Matches(@"(?m)^a\s+0 6 \* \* \*", first);
        Assert.Matches(@"(?m)^b\s+0 7 \* \* \*", first);
        Assert.DoesNotMatch(@"(?m)^a\s", second);                                  // removed
        Assert.Matches(@"(?m)^b\s+15 8 \* \* \*\s+America/Mexico_City", second); // changed
        Assert.Matches(@"(?m)^c\s+0 9 \* \* \*", second);                        // added
    }

    [Fact]
    public async Task A_backfill_is_queued_on_the_service_and_run_there()
    {
        var (pipelines, layout, env, common) = await SetUp();
        using var serve = new ServeProcess(_dir.Path, env, ["serve", .. common]);
        await serve.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));

        var queued = await CliRunner.RunAsync(_dir.Path, env, ["backfill", "baci_hs92_sample", "--years", "2000-2001", .. common]);

        Assert.True(queued.ExitCode == 0, queued.Stderr);
        var runId = Regex.Match(queued.Stdout, @"as run (\S+);").Groups[1].Value;
        await serve.WaitForOutputAsync($"publish started (run {runId})", TimeSpan.FromSeconds(60));
        await serve.WaitForOutputAsync("publish succeeded", TimeSpan.FromSeconds(60));
        // Only 2000 and 2001 were normalized: the sample has 989 + 973 rows in those years.
        Assert.Equal(989 + 973, RunLedger.Read<StageReport>(layout, runId, "normalize")!.Rows);
        Assert.Equal(new long[] { 2000, 2001 }, Duck.Query(layout.WarehouseFile,
            "SELECT DISTINCT year FROM staging.stg_trade_flows ORDER BY year").Select(r => Convert.ToInt64(r[0])));
    }

    [Fact]
    public async Task Occurrences_missed_during_downtime_run_once_not_once_per_slot()
    {
        var (_, layout, env, common) = await SetUp();
        using (var first = new ServeProcess(_dir.Path, env, ["serve", .. common]))
        {
            await first.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
            first.Stop(); // a clean shutdown: no lock of Hangfire's recurring-job scheduler is left behind
        }
        // As if the service had been down since November 2023: the monthly baci refresh last ran on
        // 2023-11-01 and missed every 1st of the month since (36 occurrences up to November 2026).
        await using (var db = new Npgsql.NpgsqlConnection(env["CLUSTERETL_POSTGRES"]))
        {
            await db.OpenAsync();
            const string key = "recurring-job:baci-monthly";
            foreach (var sql in new[]
                     {
                         $"UPDATE hangfire.hash SET value = '2023-10-01T06:00:00.0000000Z' WHERE key = '{key}' AND field = 'CreatedAt'",
                         $"UPDATE hangfire.hash SET value = '2023-12-01T06:00:00.0000000Z' WHERE key = '{key}' AND field = 'NextExecution'",
                         $"INSERT INTO hangfire.hash (key, field, value) VALUES ('{key}', 'LastExecution', '2023-11-01T06:00:00.0000000Z')",
                         "UPDATE hangfire.set SET score = 1701410400 WHERE key = 'recurring-jobs' AND value = 'baci-monthly'",
                     })
                await new Npgsql.NpgsqlCommand(sql, db).ExecuteNonQueryAsync();
        }

        using var second = new ServeProcess(_dir.Path, env, ["serve", .. common]);
        await second.WaitForOutputAsync("Schedule baci-monthly started run", TimeSpan.FromSeconds(60));
        await second.WaitForOutputAsync("publish succeeded", TimeSpan.FromSeconds(60));
        await Task.Delay(3_000);

        Assert.Single(Regex.Matches(second.Output, "Schedule baci-monthly started run"));
        Assert.Single(Directory.GetDirectories(layout.RunsDir));
    }

    [Theory]
    [InlineData("""{ "schedules": [ { "id": "nightly", "cron": "0 25 * * *", "refresh": "all" } ] }""",
        "field 'schedules[0].cron': '0 25 * * *' is not a valid cron expression (schedule 'nightly')")]
    [InlineData("""{ "schedules": [ { "id": "nightly", "cron": "0 2 * * *", "time_zone": "Chile/Los_Lagos", "refresh": "all" } ] }""",
        "field 'schedules[0].time_zone': 'Chile/Los_Lagos' is not a known IANA time zone (schedule 'nightly'")]
    public async Task Serve_refuses_to_start_with_a_bad_schedule(string schedule, string message)
    {
        Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));
        _dir.Write("pipelines/schedule.json", schedule);

        var r = await CliRunner.RunAsync(_dir.Path, "serve", "--pipelines", _dir.Combine("pipelines"), "--data-dir", _dir.Combine("data"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("pipelines/schedule.json", r.Stderr);
        Assert.Contains(message, r.Stderr);
    }
}
