using System.CommandLine;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;
using Hangfire;
using Serilog;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>serve</c>: a long-lived Hangfire server. Validates the definitions and the schedule, synchronises the
/// recurring jobs, runs the stage jobs with retries for transient failures, and serves the dashboard when
/// asked. Several processes may share one PostgreSQL storage; each job runs on one of them.
/// </summary>
public static class ServeCommand
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ServeCommand));

    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var sql = CommonOptions.Sql();
        var storage = new StorageOptions();
        var workers = CommonOptions.Number("--workers", 1, 64, 2, "N", "Worker threads of this process");
        var dashboard = new Option<string?>("--dashboard")
        {
            Description = "Serve Hangfire's dashboard, e.g. 127.0.0.1:8080 (loopback only unless --dashboard-auth basic)",
            HelpName = "HOST:PORT",
        };
        var auth = new Option<string>("--dashboard-auth")
        {
            Description = $"basic: user and password from {ServeOptions.DashboardUserVariable} and {ServeOptions.DashboardPasswordVariable}; " +
                          "required to bind a non-loopback address",
            HelpName = "none|basic",
            DefaultValueFactory = _ => "none",
        }.AcceptOnlyFromAmong("none", "basic");
        var readOnly = new Option<bool>("--dashboard-read-only") { Description = "Show everything, refuse every action (trigger, retry, delete)" };
        var invisibility = CommonOptions.Number("--invisibility-timeout", 5, 86_400, 300, "SECONDS",
            "Seconds before a job of a worker that died is taken by another");
        var lockTimeout = CommonOptions.Number("--lock-timeout", 5, 86_400, 1800, "SECONDS",
            "Seconds after which the data-folder lock of a worker that died expires (keep it above the longest stage)");
        var command = new Command("serve", "Run as a service: the recurring refreshes of pipelines/schedule.json on a Hangfire server, " +
                                           "until stopped (Ctrl+C or SIGTERM).")
        {
            pipelines, data, sql, workers, dashboard, auth, readOnly, invisibility, lockTimeout,
        };
        storage.AddTo(command);
        command.SetAction((p, ct) => RunAsync(p.GetValue(pipelines)!, p.GetValue(data)!, p.GetValue(sql)!, storage.Read(p) with
        {
            Workers = p.GetValue(workers),
            Dashboard = p.GetValue(dashboard),
            DashboardAuth = p.GetValue(auth)!,
            DashboardReadOnly = p.GetValue(readOnly),
            InvisibilitySeconds = p.GetValue(invisibility),
            LockTimeoutSeconds = p.GetValue(lockTimeout),
        }, p.GetValue(CommonOptions.Verbose), ct));
        return command;
    }

    static async Task<int> RunAsync(string pipelinesDir, string dataDir, string sqlDir, ServeOptions o, bool verbose, CancellationToken ct)
    {
        LoggingSetup.ToDataFolder(new DataLayout(dataDir).LogsDir, verbose, hangfireOnConsole: true);
        var definitions = PipelineDefinitions.Load(pipelinesDir, SourceConnectors.Kinds);
        var schedules = ScheduleDefinitions.Load(definitions);
        SqlProject.Load(sqlDir);

        var storage = JobStorageFactory.Create(o, out var description);
        GlobalConfiguration.Configuration.UseStorage(storage);
        ServiceFilters.Install();
        ScheduleRegistrar.Sync(storage, schedules, pipelinesDir, dataDir, sqlDir);

        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = o.Workers,
            ServerName = $"clusteretl-{Environment.MachineName}-{Environment.ProcessId}",
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        }, storage);
        var dashboard = o.Dashboard is null ? null : await DashboardHost.StartAsync(o, storage, ct);
        Log.Information("Serving: storage {Storage}, {Workers} worker(s), {Schedules} schedule(s), dashboard {Dashboard}, data in {DataDir}",
            description, o.Workers, schedules.Count,
            o.Dashboard is null ? "off" : $"http://{o.Dashboard}/" + (o.DashboardReadOnly ? " (read-only)" : ""),
            dataDir);
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
