using ClusterEtl.Jobs.Service;

namespace ClusterEtl.Jobs.Cli;

/// <summary>The parsed command line.</summary>
public sealed record CliOptions(string Command, string PipelinesDir, string DataDir, string SqlDir, bool Force, bool Verbose,
    ServeOptions Serve, long BenchRows = 2_000_000, int Last = 10, string? Argument = null, int[]? Years = null,
    int? BenchThreads = null, int? BenchEndToEndYears = null, int WaitSeconds = 0, int? ChaosTrials = null,
    string? HtmlFile = null, string? XlsxFile = null, string? Language = null)
{
    public const string Usage = """
        ClusterEtl - cluster and value-chain statistics, pulled, normalized and built into a DuckDB warehouse.

        Usage:
          dotnet run --project src/Etl.Jobs -- <command> [options]

        Commands:
          run           Pull every source, normalize it to Parquet, build warehouse/clusters.duckdb with the
                        SQL models and publish the marts as Parquet, once, through an embedded Hangfire
                        server (in memory). Unchanged inputs are skipped.
          serve         Run as a service: the recurring refreshes of pipelines/schedule.json on a Hangfire
                        server, until stopped (Ctrl+C or SIGTERM).
          jobs          List the recurring jobs of the service: cron, time zone, next and last run, state.
          trigger ID    Run a recurring job now (ID as in schedule.json, e.g. baci-monthly).
          backfill SOURCE --years FIRST-LAST
                        Normalize those years of a source again (replacing only their partitions) and
                        rebuild: in this process with memory storage, or queued on the service with
                        --storage postgres.
          clusters      List the cluster catalogue (pipelines/clusters/).
          clusters show ID
                        What a cluster covers: country codes, HS codes and the HS6 codes found in the
                        data, FAO items with their CPC/HS codes, SCIAN codes, INEGI regions, peers.
          report ID     A readable profile of one cluster from the published warehouse: exports, prices and
                        concentration per year, latest year and trend.
          report ID --html FILE [--lang en|es]
                        The cluster's page of the site (charts, tables, sources, data quality) as one HTML file.
          export ID --xlsx FILE
                        The cluster's rows of every mart as an Excel workbook, a first sheet explaining the columns.
          query SQL     Run one read-only SQL query on the published warehouse and print the rows (tab-separated),
                        e.g. query "SELECT * FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon'".
          runs          Recent runs from the run ledger (runs/ under --data-dir): stages, rows, durations, errors.
          validate      Check the definitions (pipelines/) and the SQL models (sql/) without running anything.
          bench         Normalize a generated BACI year of --rows rows and compare with DuckDB's own
                        CSV-to-Parquet on the same file: rows/s, peak RSS, ratio. Files go under --data-dir.
          bench --e2e N The whole pipeline on a generated BACI-shaped release of N years of --rows rows next to
                        the samples: per stage time, rows/s, peak RSS; warehouse and lake sizes; a DuckDB-only
                        reference; refreshes with nothing changed and with one year revised.
          bench --chaos N
                        N random trials of runs killed at any point or given damaged input, each followed by
                        a run that must recover: failures printed (target: none).
          help          Show this help (also -h, --help).

        Options:
          --pipelines DIR        Folder of definitions: sources/, clusters/, schedule.json   (default: ./pipelines)
          --data-dir DIR         Receives raw/, lake/, warehouse/clusters.duckdb, runs/, logs/  (default: ./data)
          --sql DIR              Folder of SQL models (default: the sql/ shipped with the program)
          --force                (run) Normalize and rebuild even when nothing changed
          --wait SECONDS         (run, backfill) When another run holds the data folder, wait up to this long
                                 for it (default 0: exit with code 3 at once, saying who holds it)
          -v, --verbose          Debug logging
          --rows N               (bench) Rows of the generated file, or of each year with --e2e (default 2000000)
          --e2e N                (bench) End to end on N generated years
          --threads N            (bench) Threads of the normalize (default: one per processor; 1 = sequential)
          --last N               (runs) How many runs to show (default 10)

        Service options (serve, jobs, trigger):
          --storage memory|postgres   Job storage (default memory: this process only; postgres for several
                                      workers and for jobs/trigger)
          --postgres CONNSTRING       PostgreSQL connection string; better: the CLUSTERETL_POSTGRES environment
                                      variable, so the password stays out of process listings. Never logged.
          --workers N                 Worker threads of this process (default 2)
          --dashboard HOST:PORT       Serve Hangfire's dashboard, e.g. 127.0.0.1:8080 (loopback only unless
                                      --dashboard-auth basic)
          --dashboard-auth none|basic basic: user and password from CLUSTERETL_DASHBOARD_USER and
                                      CLUSTERETL_DASHBOARD_PASSWORD; required to bind a non-loopback address
          --dashboard-read-only       Show everything, refuse every action (trigger, retry, delete)
          --invisibility-timeout S    Seconds before a job of a worker that died is taken by another (default 300)
          --lock-timeout S            Seconds after which the data-folder lock of a worker that died expires
                                      (default 1800; keep it above the longest stage)

        Exit codes: 0 success, 1 the run failed (the reason is printed on one line), 2 bad command line,
        3 the data folder is in use by another run (which one is printed).
        """;

    static readonly string[] Commands = ["run", "serve", "jobs", "trigger", "backfill", "runs", "clusters", "report", "validate", "bench", "query", "export"];

    public static CliOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "-h" or "--help") return Default("help");
        var command = args[0];
        if (!Commands.Contains(command))
            throw new UsageException($"unknown command '{command}' (commands: {string.Join(", ", Commands)}, help)");
        var o = Default(command);
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            string Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"option {a} needs a value");
            int Number(int min, int max) => int.TryParse(Value(), out var n) && n >= min && n <= max
                ? n
                : throw new UsageException($"{a} takes a whole number from {min} to {max}");
            o = a switch
            {
                "--pipelines" => o with { PipelinesDir = Value() },
                "--data-dir" => o with { DataDir = Value() },
                "--sql" => o with { SqlDir = Value() },
                "--force" => o with { Force = true },
                "-v" or "--verbose" => o with { Verbose = true },
                "-h" or "--help" => o with { Command = "help" },
                "--rows" => o with { BenchRows = long.TryParse(Value(), out var n) && n > 0 ? n : throw new UsageException("--rows takes a positive whole number") },
                "--threads" => o with { BenchThreads = Number(1, 256) },
                "--last" => o with { Last = Number(1, 10_000) },
                "--wait" => o with { WaitSeconds = Number(0, 86_400) },
                "--e2e" when command == "bench" => o with { BenchEndToEndYears = Number(1, 100) },
                "--chaos" when command == "bench" => o with { ChaosTrials = Number(1, 100_000) },
                "--storage" => o with { Serve = o.Serve with { Storage = Value() } },
                "--postgres" => o with { Serve = o.Serve with { Postgres = Value() } },
                "--workers" => o with { Serve = o.Serve with { Workers = Number(1, 64) } },
                "--dashboard" => o with { Serve = o.Serve with { Dashboard = Value() } },
                "--dashboard-auth" => o with { Serve = o.Serve with { DashboardAuth = Value() } },
                "--dashboard-read-only" => o with { Serve = o.Serve with { DashboardReadOnly = true } },
                "--invisibility-timeout" => o with { Serve = o.Serve with { InvisibilitySeconds = Number(5, 86_400) } },
                "--lock-timeout" => o with { Serve = o.Serve with { LockTimeoutSeconds = Number(5, 86_400) } },
                "--years" => o with { Years = ParseYears(Value()) },
                "--html" when command == "report" => o with { HtmlFile = Value() },
                "--lang" when command == "report" => o with { Language = Value() },
                "--xlsx" when command == "export" => o with { XlsxFile = Value() },
                _ when !a.StartsWith('-') && command is "trigger" or "backfill" or "report" or "query" or "export" && o.Argument is null => o with { Argument = a },
                "show" when command == "clusters" && o.Argument is null && i + 1 < args.Length => o with { Argument = args[++i] },
                _ => throw new UsageException($"unknown option '{a}' for {command}"),
            };
        }
        if (command == "trigger" && o.Argument is null) throw new UsageException("trigger needs the id of a recurring job");
        if (command == "report" && o.Argument is null) throw new UsageException("report needs a cluster id (see `clusters`)");
        if (command == "export" && (o.Argument is null || o.XlsxFile is null)) throw new UsageException("export needs a cluster id and --xlsx FILE");
        if (o.Language is not null && !ClusterEtl.Transforms.Site.SiteText.Languages.Contains(o.Language))
            throw new UsageException($"--lang takes {string.Join(" or ", ClusterEtl.Transforms.Site.SiteText.Languages)}, not '{o.Language}'");
        if (command == "query" && o.Argument is null) throw new UsageException("query needs the SQL to run, in quotes");
        if (command == "backfill" && (o.Argument is null || o.Years is null))
            throw new UsageException("backfill needs a source id and --years FIRST-LAST (e.g. backfill baci_hs92 --years 2010-2020)");
        if (o.Serve.Storage is not ("memory" or "postgres"))
            throw new UsageException($"unknown storage '{o.Serve.Storage}' (memory or postgres)");
        return o with
        {
            PipelinesDir = Path.GetFullPath(o.PipelinesDir),
            DataDir = Path.GetFullPath(o.DataDir),
            SqlDir = Path.GetFullPath(o.SqlDir),
        };
    }

    static int[] ParseYears(string text)
    {
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, out var y) && y is >= 1900 and <= 2100))
        {
            var first = int.Parse(parts[0]);
            var last = int.Parse(parts[^1]);
            if (first <= last) return [first, last];
        }
        throw new UsageException($"--years takes YEAR or FIRST-LAST (e.g. 2010-2020), not '{text}'");
    }

    static CliOptions Default(string command) =>
        new(command, "pipelines", "data", Path.Combine(AppContext.BaseDirectory, "sql"), false, false, new ServeOptions());
}

public sealed class UsageException(string message) : Exception(message);
