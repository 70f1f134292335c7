using System.CommandLine;
using ClusterEtl.Jobs.Hangfire;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>--storage</c> and <c>--postgres</c>: where the service's jobs live (serve, jobs, trigger, backfill).</summary>
public sealed class StorageOptions
{
    public Option<string> Storage { get; } = new Option<string>("--storage")
    {
        Description = "Job storage: memory (this process only) or postgres (shared by several serve processes)",
        HelpName = "memory|postgres",
        DefaultValueFactory = _ => "memory",
    }.AcceptOnlyFromAmong("memory", "postgres");

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"PostgreSQL connection string; better: the {ServeOptions.PostgresVariable} environment variable, " +
                      "so the password stays out of process listings. Never logged.",
        HelpName = "CONNSTRING",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Storage);
        command.Options.Add(Postgres);
    }

    public ServeOptions Read(ParseResult p) => new(Storage: p.GetValue(Storage)!, Postgres: p.GetValue(Postgres));
}
