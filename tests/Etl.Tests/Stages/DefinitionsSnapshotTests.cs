using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Stages;

/// <summary>A run works with one version of the definitions: an edit made while it is under way stops it instead of mixing versions.</summary>
public sealed class DefinitionsSnapshotTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_cluster_edited_after_the_pull_stops_the_normalize_stage_of_the_same_run()
    {
        var p = new PipelineFixture(_dir);
        var request = new RunRequest("r-edit", p.Pipelines, p.Layout.DataDir, Repo.Sql);
        using var http = new HttpClient();
        await new PullStage(http).RunAsync(request, CancellationToken.None);
        Assert.NotNull(RunLedger.Read<DefinitionsSnapshot>(p.Layout, "r-edit", DefinitionsSnapshot.LedgerName));

        var cluster = Directory.GetFiles(Path.Combine(p.Pipelines, "clusters"), "*.json").Order(StringComparer.Ordinal).First();
        File.AppendAllText(cluster, "\n// edited during the run\n");
        var e = await Assert.ThrowsAsync<PipelineException>(() => new NormalizeStage().RunAsync(request, CancellationToken.None));
        Assert.Contains("changed since this run started", e.Message);
        Assert.Contains("clusters/" + Path.GetFileName(cluster), e.Message);
        Assert.Contains("Start a new run", e.Hint);

        // The next run takes its own snapshot and goes on.
        var next = new RunRequest("r-next", p.Pipelines, p.Layout.DataDir, Repo.Sql);
        await new PullStage(http).RunAsync(next, CancellationToken.None);
        await new NormalizeStage().RunAsync(next, CancellationToken.None);
    }

    [Fact]
    public void The_schedule_is_not_part_of_the_snapshot_and_a_reference_file_is()
    {
        var p = new PipelineFixture(_dir);
        var first = DefinitionsSnapshot.Take(p.Pipelines, "pull");
        File.WriteAllText(Path.Combine(p.Pipelines, "schedule.json"), """{ "schedules": [] }""");
        Assert.Equal(first.Fingerprint, DefinitionsSnapshot.Take(p.Pipelines, "pull").Fingerprint);
        File.AppendAllText(Path.Combine(p.Pipelines, "reference", "deflators.csv"), "");      // no change in content: same
        Assert.Equal(first.Fingerprint, DefinitionsSnapshot.Take(p.Pipelines, "pull").Fingerprint);
        File.AppendAllText(Path.Combine(p.Pipelines, "reference", "deflators.csv"), "x");
        Assert.NotEqual(first.Fingerprint, DefinitionsSnapshot.Take(p.Pipelines, "pull").Fingerprint);
    }
}
