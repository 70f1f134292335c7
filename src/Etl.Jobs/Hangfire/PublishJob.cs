using ClusterEtl.Transforms.Stages;
using Hangfire;
using Hangfire.Server;

namespace ClusterEtl.Jobs.Hangfire;

public sealed class PublishJob
{
    [JobDisplayName("publish (run {0})")]
    public Task<string> RunAsync(RunRequest request, PerformContext? context) =>
        StageUnderLock.RunAsync(context, request, PublishStage.Name, () => Task.FromResult(new PublishStage().Run(request)));
}
