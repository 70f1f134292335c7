using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Warehouse;
using Hangfire;
using Serilog;

namespace ClusterEtl.Jobs.Service;

/// <summary>
/// <c>serve</c>: a long-lived Hangfire server. Validates the definitions and the schedule, synchronises the
/// recurring jobs, runs the stage jobs with retries for transient failures, and serves the dashboard when
/// asked. Several processes may share one PostgreSQL storage; each job runs on one of them.
/// </summary>
public static class ServeCommand
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ServeCommand));

    public static async Task<int> RunAsync(Cli.CliOptions o, CancellationToken ct)
    {
        var definitions = PipelineDefinitions.Load(o.PipelinesDir);
        var schedules = ScheduleDefinitions.Load(definitions);
        SqlProject.Load(o.SqlDir);

        var storage = JobStorageFactory.Create(o.Serve, out var description);
        GlobalConfiguration.Configuration.UseStorage(storage);
        ServiceFilters.Install();
        ScheduleRegistrar.Sync(storage, schedules, o.PipelinesDir, o.DataDir, o.SqlDir);

        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = o.Serve.Workers,
            ServerName = $"clusteretl-{Environment.MachineName}-{Environment.ProcessId}",
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        }, storage);
        var dashboard = o.Serve.Dashboard is null ? null : await DashboardHost.StartAsync(o.Serve, storage, ct);
        Log.Information("Serving: storage {Storage}, {Workers} worker(s), {Schedules} schedule(s), dashboard {Dashboard}, data in {DataDir}",
            description, o.Serve.Workers, schedules.Count,
            o.Serve.Dashboard is null ? "off" : $"http://{o.Serve.Dashboard}/" + (o.Serve.DashboardReadOnly ? " (read-only)" : ""),
            o.DataDir);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            Log.Information("Stopping: running jobs get {Seconds} s to finish; unfinished ones are picked up again by another worker",
                30);
        }
        server.SendStop();
        if (dashboard is not null) await dashboard.StopAsync(CancellationToken.None);
        if (storage is IDisposable d) d.Dispose();
        return 0;
    }
}
