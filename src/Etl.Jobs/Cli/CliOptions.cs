namespace ClusterEtl.Jobs.Cli;

/// <summary>The parsed command line.</summary>
public sealed record CliOptions(string Command, string PipelinesDir, string DataDir, string SqlDir, bool Force, bool Verbose,
    long BenchRows = 2_000_000)
{
    public const string Usage = """
        ClusterEtl - cluster and value-chain statistics, pulled, normalized and built into a DuckDB warehouse.

        Usage:
          dotnet run --project src/Etl.Jobs -- <command> [options]

        Commands:
          run         Pull every source, normalize it to Parquet, build warehouse/clusters.duckdb with the
                      SQL models and publish the marts as Parquet, once, through an embedded Hangfire
                      server (in memory). Unchanged inputs are skipped.
          validate    Check the definitions (pipelines/) and the SQL models (sql/) without running anything.
          bench       Normalize a generated BACI year of --rows rows and compare with DuckDB's own
                      CSV-to-Parquet on the same file: rows/s, peak RSS, ratio. Files go under --data-dir.
          help        Show this help (also -h, --help).

        Options:
          --pipelines DIR   Folder of definitions: sources/*.json, clusters/*.json   (default: ./pipelines)
          --data-dir DIR    Receives raw/, lake/, warehouse/clusters.duckdb, runs/, logs/  (default: ./data)
          --sql DIR         Folder of SQL models (default: the sql/ shipped with the program)
          --force           Normalize and rebuild even when nothing changed
          --rows N          Rows of the generated file for bench (default 2000000)
          -v, --verbose     Debug logging

        Exit codes: 0 success, 1 the run failed (the reason is printed on one line), 2 bad command line.
        """;

    public static CliOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "-h" or "--help") return Default("help");
        var command = args[0];
        if (command is not ("run" or "validate" or "bench"))
            throw new UsageException($"unknown command '{command}' (commands: run, validate, bench, help)");
        var o = Default(command);
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            string Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"option {a} needs a value");
            o = a switch
            {
                "--pipelines" => o with { PipelinesDir = Value() },
                "--data-dir" => o with { DataDir = Value() },
                "--sql" => o with { SqlDir = Value() },
                "--force" => o with { Force = true },
                "--rows" => o with { BenchRows = long.TryParse(Value(), out var n) && n > 0 ? n : throw new UsageException("--rows takes a positive whole number") },
                "-v" or "--verbose" => o with { Verbose = true },
                "-h" or "--help" => o with { Command = "help" },
                _ => throw new UsageException($"unknown option '{a}' for {command}"),
            };
        }
        return o with
        {
            PipelinesDir = Path.GetFullPath(o.PipelinesDir),
            DataDir = Path.GetFullPath(o.DataDir),
            SqlDir = Path.GetFullPath(o.SqlDir),
        };
    }

    static CliOptions Default(string command) =>
        new(command, "pipelines", "data", Path.Combine(AppContext.BaseDirectory, "sql"), false, false);
}

public sealed class UsageException(string message) : Exception(message);
