using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Server;

namespace ClusterEtl.Jobs.Hangfire;

public sealed class NormalizeJob
{
    [JobDisplayName("normalize (run {0})")]
    public Task<string> RunAsync(RunRequest request, PerformContext? context, CancellationToken ct) =>
        StageUnderLock.RunAsync(context, request, NormalizeStage.Name, () => new NormalizeStage().RunAsync(request, ct));
}
