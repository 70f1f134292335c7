using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Server;

namespace ClusterEtl.Jobs.Hangfire;

public sealed class TransformJob
{
    [JobDisplayName("transform (run {0})")]
    public Task<string> RunAsync(RunRequest request, PerformContext? context) =>
        StageUnderLock.RunAsync(context, request, TransformStage.Name, () => Task.FromResult(new TransformStage().Run(request)));
}
