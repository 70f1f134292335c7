using System.Text.RegularExpressions;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Pipeline;

namespace ClusterEtl.Tests.Service;

/// <summary>`serve` with PostgreSQL storage, as production runs it: a real PostgreSQL 15 on loopback.</summary>
public sealed class ServiceTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Two_serve_processes_share_the_storage_and_each_triggered_run_executes_exactly_once()
    {
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var layout = new DataLayout(_dir.Combine("data"));
        var env = new Dictionary<string, string> { ["CLUSTERETL_POSTGRES"] = postgres.ConnectionString() };
        string[] common = ["--storage", "postgres", "--pipelines", pipelines, "--data-dir", layout.DataDir, "--sql", Repo.Sql];

        using var a = new ServeProcess(_dir.Path, env, ["serve", "--workers", "2", .. common]);
        using var b = new ServeProcess(_dir.Path, env, ["serve", "--workers", "2", .. common]);
        await a.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
        await b.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));

        var jobs = await CliRunner.RunAsync(_dir.Path, env, ["jobs", .. common]);
        Assert.Equal(0, jobs.ExitCode);
        Assert.Contains("refresh:baci-monthly", jobs.Stdout);
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
        Assert.Equal(3, Regex.Matches(ledger.Stdout, @"^\d{8}T\d{6}Z-\w+  ok$", RegexOptions.Multiline).Count);

        // The password appears nowhere: not in output, logs, ledger, manifest or warehouse metadata.
        Assert.DoesNotContain(PostgresServer.Password, logs + jobs.Stdout + jobs.Stderr);
        foreach (var f in Directory.GetFiles(layout.DataDir, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json") || f.EndsWith(".jsonl")))
            Assert.DoesNotContain(PostgresServer.Password, await File.ReadAllTextAsync(f));
    }

    [Fact]
    public async Task Operator_commands_need_the_shared_storage()
    {
        var r = await CliRunner.RunAsync(_dir.Path, "jobs");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("jobs works against the service's storage: pass --storage postgres", r.Stderr);
    }
}
