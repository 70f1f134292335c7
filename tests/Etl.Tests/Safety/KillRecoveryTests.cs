using System.Diagnostics;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Safety;

/// <summary>
/// A run killed at any point (SIGKILL, at every stage boundary and inside the swaps of normalize and publish) leaves the
/// published build whole and readable, and the next run recovers: it removes what the dead run left and publishes
/// what a clean run publishes. Two runs on one data folder never overlap.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class KillRecoveryTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The bundled definitions; <paramref name="withExtraYear"/> adds a BACI source of 2003 (the change the killed run brings).</summary>
    PipelineFixture Definitions(string name, bool withExtraYear)
    {
        var p = new PipelineFixture(_dir, name);
        if (!withExtraYear) return p;
        var zip = BaciZip.WriteRelease(_dir.Combine("release-2003.zip"), 2003,
            "2003,152,842,030212,1000,100\n2003,579,392,030212,3000,300\n");
        return p.Source("extra_2003", $$"""{ "id": "extra_2003", "kind": "baci", "location": "{{zip}}", "options": { "hs_vintage": "HS92" } }""");
    }

    static void CopyData(string from, string to)
    {
        using var cp = Process.Start("cp", ["-a", from, to])!;
        cp.WaitForExit();
        Assert.Equal(0, cp.ExitCode);
    }

    static string[] Debris(DataLayout layout) =>
        (Directory.Exists(layout.StagingDir) ? Directory.GetFileSystemEntries(layout.StagingDir) : [])
        .Concat(Directory.GetFiles(layout.RawDir, ".incoming-*", SearchOption.AllDirectories)).ToArray();

    [Fact]
    public async Task A_run_killed_at_any_point_leaves_the_published_build_and_the_next_run_recovers()
    {
        var before = Definitions("before", withExtraYear: false);
        var after = Definitions("after", withExtraYear: true);
        var published = new DataLayout(_dir.Combine("published-once"));
        await before.RunAsync(layout: published);
        var clean = new DataLayout(_dir.Combine("clean"));
        await after.RunAsync(layout: clean);
        var publishedMarts = PipelineFixture.MartFiles(published);

        foreach (var point in FaultPoints.All)
        {
            var data = new DataLayout(_dir.Combine("killed-at-" + point.Replace(':', '-')));
            CopyData(published.DataDir, data.DataDir);
            using (var run = new ServeProcess(_dir.Path, new Dictionary<string, string> { [FaultPoints.Variable] = point },
                       "run", "--pipelines", after.Pipelines, "--data-dir", data.DataDir))
            {
                await run.WaitUntilPausedAsync(point, TimeSpan.FromSeconds(120));
                run.Kill();
            }
            // The dead run published nothing: the build readers see is the one before, whole (unless it died after the switch).
            if (point != "publish:switched")
                Assert.True(publishedMarts.SequenceEqual(PipelineFixture.MartFiles(data)), $"killed at {point}: the published marts changed");
            Assert.Equal(1L, Duck.Scalar(data.WarehouseFile, "SELECT count(*) FROM meta.build"));

            var recovery = await after.RunAsync(layout: data);

            // The same bytes as the clean run's in its own data folder, but for the run that wrote each file (clusteretl.run_id).
            Assert.True(PipelineFixture.MartFiles(clean, ignoreRunIds: true).SequenceEqual(PipelineFixture.MartFiles(data, ignoreRunIds: true)),
                $"killed at {point}: marts differ from a clean run");
            Assert.Empty(MartSnapshot.CompareWarehouses(clean.WarehouseFile, data.WarehouseFile, _dir.Combine("cmp-" + point.Replace(':', '-'))));
            Assert.True(Debris(data).Length == 0, $"killed at {point}: debris left: {string.Join(", ", Debris(data))}");
            // published/: the build from before and the recovery's (or the dead run's, when it died after switching), no orphan.
            Assert.All(Directory.GetDirectories(data.PublishedDir), d => Assert.True(
                string.CompareOrdinal(Path.GetFileName(d), PublishedBuilds.Current(data)!.RunId) <= 0, $"killed at {point}: orphan {d}"));
            Assert.True(recovery.Succeeded);
        }
    }

    [Fact]
    public async Task A_second_run_on_a_busy_data_folder_exits_3_naming_the_holder_and_runs_once_it_is_free()
    {
        var p = Definitions("defs", withExtraYear: false);
        var data = _dir.Combine("data");
        using var first = new ServeProcess(_dir.Path, new Dictionary<string, string> { [FaultPoints.Variable] = "normalize" },
            "run", "--pipelines", p.Pipelines, "--data-dir", data);
        await first.WaitUntilPausedAsync("normalize", TimeSpan.FromSeconds(120));

        var second = await CliRunner.RunAsync(_dir.Path, "run", "--pipelines", p.Pipelines, "--data-dir", data);

        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"is in use by run ", second.Stderr);
        Assert.Contains($"(run) of process {first.Id} on {Environment.MachineName}", second.Stderr);
        Assert.Contains("--wait", second.Stderr);
        Assert.Single(second.Stderr.Trim().Split('\n'));

        first.Kill(); // the system releases a dead process's lock: nothing to clear by hand
        var third = await CliRunner.RunAsync(_dir.Path, "run", "--pipelines", p.Pipelines, "--data-dir", data);
        Assert.True(third.ExitCode == 0, third.Stderr);
        Assert.Empty(Debris(new DataLayout(data)));
    }
}
