using System.Text.RegularExpressions;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Cli;

/// <summary><c>jobs</c>, <c>trigger</c>, <c>backfill</c> and <c>runs</c> with the default memory storage: in this process.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class OperatorCommandTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Jobs_lists_the_schedules_of_schedule_json_without_a_service()
    {
        var r = await CliRunner.RunAsync(Repo.Root, "jobs");

        Assert.Equal(0, r.ExitCode);
        // pipelines/schedule.json: baci-monthly "0 6 1 * *" UTC, everything-weekly "30 2 * * 1" America/Santiago.
        Assert.Matches(@"(?m)^baci-monthly +0 6 1 \* \* +UTC +\d{4}-\d\d-01 06:00:00 ", r.Stdout);
        Assert.Matches(@"(?m)^everything-weekly +30 2 \* \* 1 +America/Santiago ", r.Stdout);
    }

    [Fact]
    public async Task Trigger_runs_a_schedule_here_and_a_backfill_of_years_without_rows_publishes_nothing_new()
    {
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        var data = new DataLayout(_dir.Combine("data"));
        string[] common = ["--pipelines", pipelines, "--data-dir", data.DataDir, "--sql", Repo.Sql];

        var trigger = await CliRunner.RunAsync(_dir.Path, ["trigger", "baci-monthly", .. common]);

        Assert.True(trigger.ExitCode == 0, trigger.Stderr);
        var run = Assert.Single(Directory.GetDirectories(data.RunsDir));
        Assert.Equal("succeeded", RunLedger.Read<StageReport>(data, Path.GetFileName(run), "publish")!.Status);
        // baci-monthly refreshes baci_hs92_sample only: nothing else was pulled.
        Assert.Equal("baci_hs92_sample", Path.GetFileName(Assert.Single(Directory.GetDirectories(data.RawDir))));
        Assert.Contains("  publish    succeeded", trigger.Stdout);
        var current = PublishedBuilds.Current(data)!.RunId;

        // The sample holds 1999-2002: 1990-1991 yields no rows.
        var backfill = await CliRunner.RunAsync(_dir.Path, ["backfill", "baci_hs92_sample", "--years", "1990-1991", .. common]);

        Assert.True(backfill.ExitCode == 0, backfill.Stderr);
        Assert.Contains("! normalize: baci_hs92_sample: no rows of years 1990-1991 in the source; nothing replaced, nothing new to publish",
            backfill.Stdout);
        Assert.Equal(current, PublishedBuilds.Current(data)!.RunId);
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(data.NormalizedDir, "trade_flows", "source=baci_hs92_sample")).Length);

        var runs = await CliRunner.RunAsync(_dir.Path, "runs", "--data-dir", data.DataDir);
        Assert.Equal(2, Regex.Matches(runs.Stdout, @"(?m)^\d{8}T\d{6}Z-\w+  ok      started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC  took \d+\.\d\d s$").Count);
    }
}
