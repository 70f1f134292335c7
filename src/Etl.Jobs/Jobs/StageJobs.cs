using ClusterEtl.Transforms.Pipeline;
using Hangfire;
using Serilog;

namespace ClusterEtl.Jobs.Jobs;

/// <summary>
/// The pipeline's Hangfire jobs. Each only orchestrates: it calls one stage of ClusterEtl.Transforms with a
/// serialisable <see cref="RunRequest"/>, so it runs the same under the embedded in-memory server and under
/// PostgreSQL storage on another worker. Each stage is idempotent: rerunning it for the same run gives the
/// same result. The returned text is kept by Hangfire as the job's result.
/// </summary>
public sealed class PullJob
{
    [JobDisplayName("pull (run {0})")]
    public Task<string> RunAsync(RunRequest request, CancellationToken ct) =>
        StageProgress.Report(1, PullStage.Name, () => new PullStage(SharedHttp.Client).RunAsync(request, ct));
}

public sealed class NormalizeJob
{
    [JobDisplayName("normalize (run {0})")]
    public Task<string> RunAsync(RunRequest request, CancellationToken ct) =>
        StageProgress.Report(2, NormalizeStage.Name, () => new NormalizeStage().RunAsync(request, ct));
}

public sealed class TransformJob
{
    [JobDisplayName("transform (run {0})")]
    public Task<string> RunAsync(RunRequest request) =>
        StageProgress.Report(3, TransformStage.Name, () => Task.FromResult(new TransformStage().Run(request)));
}

public sealed class PublishJob
{
    [JobDisplayName("publish (run {0})")]
    public Task<string> RunAsync(RunRequest request) =>
        StageProgress.Report(4, PublishStage.Name, () => Task.FromResult(new PublishStage().Run(request)));
}

/// <summary>Console progress of the stages: started, then rows, quarantine and duration with one line per detail.</summary>
public static class StageProgress
{
    public const int Steps = 4;
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(StageProgress));

    public static async Task<string> Report(int step, string stage, Func<Task<StageReport>> run)
    {
        Log.Information("[{Step}/{Steps}] {Stage} started", step, Steps, stage);
        var r = await run();
        Log.Information("[{Step}/{Steps}] {Stage} {Status}: {Rows:N0} {Unit}, {Quarantined:N0} quarantined, {Seconds:0.00} s",
            step, Steps, r.Stage, r.Status, r.Rows, r.Unit, r.QuarantinedRows, r.Seconds);
        foreach (var d in r.Details) Log.Information("      {Detail}", d);
        return $"{r.Stage} {r.Status}: {r.Rows:N0} {r.Unit} in {r.Seconds:0.00} s";
    }
}

/// <summary>One HttpClient for the process (per-attempt timeouts are set by the puller).</summary>
public static class SharedHttp
{
    public static readonly HttpClient Client = Create();

    static HttpClient Create()
    {
        var c = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        c.DefaultRequestHeaders.UserAgent.ParseAdd("ClusterEtl/0.1");
        return c;
    }
}
