using ClusterEtl.Jobs.Cli;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Jobs.Service;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Warehouse;
using Serilog;

CliOptions options;
try
{
    options = CliOptions.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("Run with --help to see the commands and options.");
    return 2;
}
if (options.Command == "help")
{
    Console.WriteLine(CliOptions.Usage);
    return 0;
}

Log.Logger = LoggingSetup.Create(options.Command is "run" or "serve" or "backfill" ? new DataLayout(options.DataDir).LogsDir : null, options.Verbose);
Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.Logging.LogProviders.SerilogLogProvider());
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    cancel.Cancel();
});

try
{
    switch (options.Command)
    {
        case "bench" when options.ChaosTrials is { } trials:
            return await ChaosBench.RunAsync(trials, options.DataDir, options.PipelinesDir, options.SqlDir, Console.Out, cancel.Token);
        case "bench" when options.BenchEndToEndYears is { } years:
            return await EndToEndBench.RunAsync(options.BenchRows, years, options.DataDir, options.PipelinesDir, options.SqlDir, Console.Out,
                cancel.Token);
        case "bench":
            return await BenchCommand.RunAsync(options.BenchRows, options.DataDir, Console.Out, options.BenchThreads);
        case "serve":
            return await ServeCommand.RunAsync(options, cancel.Token);
        case "jobs":
            return OperatorCommands.Jobs(options.Serve, Console.Out);
        case "trigger":
            return OperatorCommands.Trigger(options.Serve, options.Argument!, Console.Out);
        case "backfill" when options.Serve.Storage == "postgres":
            return OperatorCommands.Backfill(options, Console.Out);
        case "backfill":
        {
            var request = OperatorCommands.BackfillRequest(options);
            using var folder = DataFolderLock.Acquire(request.Layout, request.RunId, "backfill", TimeSpan.FromSeconds(options.WaitSeconds),
                cancel.Token);
            var outcome = await PipelineRun.ExecuteAsync(request, cancel.Token);
            if (outcome.Succeeded) return 0;
            Console.Error.WriteLine($"error: {outcome.Error}");
            return 1;
        }
        case "clusters" when options.Argument is null:
            return ClustersCommand.List(PipelineDefinitions.Load(options.PipelinesDir), Console.Out);
        case "clusters":
            return ClustersCommand.Show(PipelineDefinitions.Load(options.PipelinesDir), options.Argument, new DataLayout(options.DataDir), Console.Out);
        case "report" when options.HtmlFile is not null:
            return ClusterEtl.Transforms.Site.ClusterFiles.Html(options.Argument!, options.HtmlFile, options.Language, options.PipelinesDir, new DataLayout(options.DataDir));
        case "export":
            return ClusterEtl.Transforms.Site.ClusterFiles.Xlsx(options.Argument!, options.XlsxFile!, new DataLayout(options.DataDir));
        case "report":
            return ReportCommand.Run(options.Argument!, new DataLayout(options.DataDir), Console.Out);
        case "query":
            return QueryCommand.Run(options.Argument!, new DataLayout(options.DataDir), Console.Out);
        case "runs":
            return OperatorCommands.Runs(new DataLayout(options.DataDir), options.Last, Console.Out);
        case "validate":
        {
            var definitions = PipelineDefinitions.Load(options.PipelinesDir);
            var sql = SqlProject.Load(options.SqlDir);
            var schedules = ScheduleDefinitions.Load(definitions);
            Console.WriteLine($"{definitions.Sources.Count} source(s): {string.Join(", ", definitions.Sources.Select(s => s.Id))}");
            Console.WriteLine($"{definitions.Clusters.Count} cluster(s): {string.Join(", ", definitions.Clusters.Select(c => c.Id))}");
            Console.WriteLine($"{sql.Models.Count} model(s) in order: {string.Join(" -> ", sql.Models.Select(m => m.QualifiedName))}");
            Console.WriteLine($"{schedules.Count} schedule(s): {string.Join(", ", schedules.Select(e => $"{e.Id} ({e.Cron}, {e.TimeZone.Id})"))}");
            Console.WriteLine($"{sql.Checks.Count} check(s). Definitions are valid.");
            return 0;
        }
        default:
        {
            var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), options.PipelinesDir, options.DataDir,
                options.SqlDir, options.Force);
            using var folder = DataFolderLock.Acquire(request.Layout, request.RunId, "run", TimeSpan.FromSeconds(options.WaitSeconds),
                cancel.Token);
            var outcome = await PipelineRun.ExecuteAsync(request, cancel.Token);
            if (!outcome.Succeeded)
            {
                Console.Error.WriteLine($"error: {outcome.Error}");
                return 1;
            }
            var layout = request.Layout;
            Log.Information("Run {RunId} succeeded. Warehouse: {Warehouse}; marts as Parquet: {Marts}; run ledger: {Ledger}",
                outcome.RunId, layout.WarehouseFile, layout.MartsDir, layout.RunDir(outcome.RunId));
            return 0;
        }
    }
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (DataFolderBusyException e)
{
    Log.Error("{Error}", e.Message);
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}
catch (PipelineException e)
{
    Log.Error("{Error}", e.Message);
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("error: cancelled; nothing partial was published.");
    return 130;
}
finally
{
    await Log.CloseAndFlushAsync();
}
