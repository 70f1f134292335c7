using System.CommandLine;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>run</c>: pull, normalize, build and publish once, in this process (embedded Hangfire, in memory).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var sql = CommonOptions.Sql();
        var force = new Option<bool>("--force") { Description = "Normalize and rebuild even when nothing changed" };
        var wait = CommonOptions.Wait();
        var command = new Command("run",
            "Pull every source, normalize it to Parquet, build warehouse/clusters.duckdb with the SQL models and publish the " +
            "marts as Parquet, once, in this process. Unchanged inputs are skipped.")
        {
            pipelines, data, sql, force, wait,
        };
        command.SetAction((p, ct) =>
        {
            var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), p.GetValue(pipelines)!, p.GetValue(data)!,
                p.GetValue(sql)!, p.GetValue(force));
            return InProcessRun.ExecuteAsync(request, "run", p.GetValue(wait), p.GetValue(CommonOptions.Verbose), ct);
        });
        return command;
    }
}
