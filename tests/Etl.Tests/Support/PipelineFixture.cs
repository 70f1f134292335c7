using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Support;

/// <summary>A private copy of the bundled definitions and a data folder, and runs of the whole pipeline on them.</summary>
/// <param name="name">The folder the definitions are copied to (several fixtures can share a temp folder).</param>
public sealed class PipelineFixture(TempDir dir, string name = "pipelines")
{
    public string Pipelines { get; } = Copy(dir, name);
    public DataLayout Layout { get; } = new(dir.Combine("data"));

    static string Copy(TempDir dir, string name)
    {
        var p = dir.Combine(name);
        Repo.CopyDirectory(Repo.Pipelines, p);
        return p;
    }

    /// <summary>Adds a source definition (JSON) as pipelines/sources/&lt;id&gt;.json.</summary>
    public PipelineFixture Source(string id, string json)
    {
        File.WriteAllText(Path.Combine(Pipelines, "sources", id + ".json"), json);
        return this;
    }

    public PipelineFixture Settings(string json)
    {
        File.WriteAllText(Path.Combine(Pipelines, "warehouse.json"), json);
        return this;
    }

    public async Task<RunOutcome> RunAsync(bool force = false, string? sql = null, DataLayout? layout = null)
    {
        var outcome = await PipelineRun.ExecuteAsync(new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), Pipelines,
            (layout ?? Layout).DataDir, sql ?? Repo.Sql, force), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome;
    }

    /// <summary>What the transform of a run did with each model: model -> (recomputed, changed).</summary>
    public Dictionary<string, (string Recomputed, string Changed)> Build(RunOutcome run, DataLayout? layout = null) =>
        RunLedger.Read<BuildInfo>(layout ?? Layout, run.RunId, TransformStage.BuildLedger)!.Models
            .ToDictionary(m => m.Model, m => (m.Rebuilt, m.Changed));

    /// <summary>SHA-256 of every published mart file, by path relative to the marts folder.</summary>
    /// <param name="ignoreRunIds">Hash each Parquet file with the run id of its metadata blanked out (same length), for
    /// builds of the same inputs in two data folders: they differ in the run that wrote the files, and in nothing else.</param>
    public static Dictionary<string, string> MartFiles(DataLayout layout, bool ignoreRunIds = false) =>
        Directory.GetFiles(layout.MartsDir + "/", "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(layout.MartsDir, f),
            f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ignoreRunIds ? WithoutRunIds(f) : File.ReadAllBytes(f))));

    static byte[] WithoutRunIds(string file)
    {
        var text = File.ReadAllText(file, System.Text.Encoding.Latin1);
        if (file.EndsWith(".parquet", StringComparison.Ordinal))
        {
            var runId = (string?)Duck.Scalar(null, $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'clusteretl.run_id'");
            if (runId is not null) text = text.Replace(runId, new string('-', runId.Length));
        }
        else text = System.Text.RegularExpressions.Regex.Replace(text, @"\d{8}T\d{6}Z-[0-9a-f]{6}", "--------run-id---------");
        return System.Text.Encoding.Latin1.GetBytes(text);
    }
}
