using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Server;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// The pipeline's Hangfire jobs. Each only orchestrates: it calls one stage of ClusterEtl.Transforms with a
/// serialisable <see cref="RunRequest"/>, so it runs the same under the embedded in-memory server and under
/// PostgreSQL storage on another worker. Each stage is idempotent: rerunning it for the same run gives the
/// same result. The returned text is kept by Hangfire as the job's result. Hangfire passes the
/// <see cref="PerformContext"/> (enqueued as null).
/// </summary>
public sealed class PullJob
{
    [JobDisplayName("pull (run {0})")]
    public Task<string> RunAsync(RunRequest request, PerformContext? context, CancellationToken ct) =>
        StageUnderLock.RunAsync(context, request, PullStage.Name, () => new PullStage(SharedHttp.Client).RunAsync(request, ct));
}
