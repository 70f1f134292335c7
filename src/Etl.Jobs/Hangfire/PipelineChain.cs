using ClusterEtl.Transforms.Stages;
using Hangfire;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>Enqueues one run as four jobs chained by continuations: pull → normalize → transform → publish.</summary>
public static class PipelineChain
{
    public static string[] Enqueue(IBackgroundJobClient client, RunRequest request)
    {
        var ids = new string[StageUnderLock.Steps];
        ids[0] = client.Enqueue<PullJob>(j => j.RunAsync(request, null, CancellationToken.None));
        ids[1] = client.ContinueJobWith<NormalizeJob>(ids[0], j => j.RunAsync(request, null, CancellationToken.None));
        ids[2] = client.ContinueJobWith<TransformJob>(ids[1], j => j.RunAsync(request, null));
        ids[3] = client.ContinueJobWith<PublishJob>(ids[2], j => j.RunAsync(request, null));
        return ids;
    }
}
