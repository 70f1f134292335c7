using ClusterEtl.Transforms.Stages;
using Hangfire;
using Serilog;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// What a schedule triggers: starts one run (a new run id) of the given sources as the chain of stage jobs.
/// Small and fast, so a trigger never holds a worker; the stages do the work and retry on their own.
/// </summary>
public sealed class RefreshJob
{
    static readonly ILogger Log = Serilog.Log.ForContext<RefreshJob>();

    [JobDisplayName("refresh (schedule {0})")]
    public string Start(string scheduleId, string[]? sources, string pipelinesDir, string dataDir, string sqlDir)
    {
        var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), pipelinesDir, dataDir, sqlDir, false, sources);
        var ids = PipelineChain.Enqueue(new BackgroundJobClient(JobStorage.Current), request);
        Log.Information("Schedule {Schedule} started run {RunId} ({Sources}); jobs {Jobs}", scheduleId, request.RunId,
            sources is null ? "all sources" : string.Join(", ", sources), ids);
        return request.RunId;
    }
}
