using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// The marts of the samples, and of the samples with the real extracts of ../shared as extra sources, are those of the
/// committed snapshots: the numbers a refactoring must leave as they are (the snapshots were taken before the warehouse
/// read the lake in place, and the redesign gave the same marts). See <see cref="MartSnapshot"/> to update them.
/// </summary>
public sealed class MartSnapshotTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    async Task<IReadOnlyList<string>> RunAndCompare(string snapshot, params (string Id, string Kind, string File)[] extraSources)
    {
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        foreach (var (id, kind, file) in extraSources)
            _dir.Write($"pipelines/sources/{id}.json",
                $$"""{ "id": "{{id}}", "kind": "{{kind}}", "location": "{{file.Replace("\\", "/")}}", "max_quarantine_share": 0.05 }""");
        var data = _dir.Combine("data");
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest("snapshot-run", pipelines, data, Repo.Sql), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return MartSnapshot.Compare(new DataLayout(data).WarehouseFile, MartSnapshot.Folder(snapshot), _dir.Path);
    }

    [Fact]
    public async Task The_samples_give_the_marts_of_the_snapshot()
    {
        Assert.Empty(await RunAndCompare("samples"));
    }

    [RequiresSharedFact]
    public async Task The_samples_and_the_real_extracts_give_the_marts_of_the_snapshot()
    {
        Assert.Empty(await RunAndCompare("real",
            ("comtrade_real_legacy", "comtrade", Repo.SharedFile("data", "real", "comtrade", "comtrade.csv")),
            ("comtrade_real_plus", "comtrade", Repo.SharedFile("data", "real", "comtrade", "TradeData.csv")),
            ("fao_real_tcl", "faostat", Repo.SharedFile("data", "real", "faostat", "FAOSTAT_data.csv")),
            ("fao_real_tm", "faostat", Repo.SharedFile("data", "real", "faostat", "FAOSTAT_trade_matrix.csv"))));
    }
}
