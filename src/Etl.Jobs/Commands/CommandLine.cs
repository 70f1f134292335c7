using System.CommandLine;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Kernel;
using Serilog;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// The command line: one <see cref="Command"/> per file of this folder, registered in <see cref="Build"/>. Parses with
/// System.CommandLine (per-command help, options a command does not take refused), prints a bad command line as one
/// line with the closest option or command, and turns the outcome into the exit code: 0 success, 1 the run failed,
/// 2 bad command line, 3 the data folder is busy, 130 cancelled.
/// </summary>
public static class CommandLine
{
    public const string Overview = """
        ClusterEtl - cluster and value-chain statistics, pulled, normalized and built into a DuckDB warehouse.

        Usage:
          clusteretl <command> [options]          (from the source: dotnet run --project src/Etl.Jobs -- <command> …)
          clusteretl <command> --help             that command's options

        Commands:
          run           Pull every source, normalize it to Parquet, build warehouse/clusters.duckdb with the SQL models
                        and publish the marts as Parquet, once, in this process. Unchanged inputs are skipped.
          serve         Run as a service: the recurring refreshes of pipelines/schedule.json on a Hangfire server.
          jobs          The recurring jobs (schedule.json): cron, time zone, next and last run, state.
          trigger ID    Run a recurring job now (ID as in schedule.json, e.g. baci-monthly).
          backfill SOURCE --years FIRST-LAST
                        Normalize those years of a source again (replacing only their partitions) and rebuild.
          clusters      The cluster catalogue; `clusters show ID`: what a cluster covers.
          report ID     A readable profile of one cluster from the published warehouse.
                        With --html FILE [--lang en|es]: its page of the site as one HTML file.
          export ID --xlsx FILE
                        One cluster's marts as an Excel workbook, with a sheet explaining every column.
          query SQL     One read-only SQL query on the published warehouse, rows printed tab-separated.
          runs          Recent runs from the run ledger: start, duration, stages, rows, errors.
          validate      Check the definitions (pipelines/) and compile the SQL models (sql/) without running anything.
          bench         Measure the normalizer (--rows), the whole pipeline (--e2e N) or recovery from faults (--chaos N).
          help          Show this help (also -h, --help); `help COMMAND` is `COMMAND --help`.

        Options taken by most commands:
          --pipelines DIR        Folder of definitions: sources/, clusters/, schedule.json  
          --data-dir DIR         Receives raw/, lake/, warehouse/clusters.duckdb, runs/, logs/ 
          --sql DIR              Folder of SQL models; by default the sql/ shipped with the program
          --force                (run) Normalize and rebuild even when nothing changed
          --wait SECONDS         (run, backfill, trigger) Wait up to this long for a busy data folder (default 0)
          -v, --verbose          Debug logging, and stack traces of failures on the console

        Exit codes: 0 success, 1 the run failed (the reason is printed on one line), 2 bad command line,
        3 the data folder is in use by another run (which one is printed).
        """;

    /// <summary>Every command. A new command is one file in this folder and one line here.</summary>
    public static RootCommand Build() => new("ClusterEtl - cluster and value-chain statistics")
    {
        CommonOptions.Verbose,
        RunCommand.Create(),
        ServeCommand.Create(),
        JobsCommand.Create(),
        TriggerCommand.Create(),
        BackfillCommand.Create(),
        ClustersCommand.Create(),
        ReportCommand.Create(),
        ExportCommand.Create(),
        QueryCommand.Create(),
        RunsCommand.Create(),
        ValidateCommand.Create(),
        BenchCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (args is [] or ["help" or "-h" or "--help" or "-?"])
        {
            Console.WriteLine(Overview);
            return 0;
        }
        if (args is ["help", var topic, ..]) args = [topic, "--help"];

        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {UsageErrors.Describe(parse)}");
            return 2;
        }
        var verbose = parse.GetValue(CommonOptions.Verbose);
        Log.Logger = LoggingSetup.Create(null, verbose);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                ct);
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
            return Failed(e);
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
    }

    /// <summary>
    /// A failed run: the one-line reason on stderr, and one log line; the stack trace goes to the log file, and to the
    /// console only with -v (see <see cref="LoggingSetup"/>).
    /// </summary>
    public static int Failed(PipelineException e)
    {
        Log.Error(e, "{Error}", e.Message);
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}
