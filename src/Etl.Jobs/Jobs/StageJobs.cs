using ClusterEtl.Transforms.Pipeline;
using Hangfire;

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
    public async Task<string> RunAsync(RunRequest request, CancellationToken ct) =>
        Summary(await new PullStage(SharedHttp.Client).RunAsync(request, ct));

    internal static string Summary(StageReport r) => $"{r.Stage} {r.Status}: {r.Rows:N0} rows in {r.Seconds:0.00} s";
}

public sealed class NormalizeJob
{
    [JobDisplayName("normalize (run {0})")]
    public async Task<string> RunAsync(RunRequest request, CancellationToken ct) =>
        PullJob.Summary(await new NormalizeStage().RunAsync(request, ct));
}

public sealed class TransformJob
{
    [JobDisplayName("transform (run {0})")]
    public string Run(RunRequest request) => PullJob.Summary(new TransformStage().Run(request));
}

public sealed class PublishJob
{
    [JobDisplayName("publish (run {0})")]
    public string Run(RunRequest request) => PullJob.Summary(new PublishStage().Run(request));
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
        c.DefaultRequestHeaders.UserAgent.ParseAdd("ClusterEtl/0.1 (+https://github.com/clusteretl)");
        return c;
    }
}
