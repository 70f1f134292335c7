using System.CommandLine;
using System.CommandLine.Parsing;
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
        var asOf = new Option<Dictionary<string, string>>("--as-of")
        {
            Description = "Rebuild with an earlier extract of a source kept in the raw store (not fetched; nothing is deleted; " +
                          "the next run without it returns to the newest). Repeatable. `runs --extracts` lists the ids",
            HelpName = "SOURCE=EXTRACT_ID",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = ParseAsOf,
        };
        var command = new Command("run",
            "Pull every source, normalize it to Parquet, build warehouse/clusters.duckdb with the SQL models and publish the " +
            "marts as Parquet, once, in this process. Unchanged inputs are skipped.")
        {
            pipelines, data, sql, force, wait, asOf,
        };
        command.SetAction((p, ct) =>
        {
            var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), p.GetValue(pipelines)!, p.GetValue(data)!,
                p.GetValue(sql)!, p.GetValue(force), AsOf: p.GetValue(asOf) is { Count: > 0 } pinned ? pinned : null);
            return InProcessRun.ExecuteAsync(request, "run", p.GetValue(wait), p.GetValue(CommonOptions.Verbose), ct);
        });
        return command;
    }

    /// <summary>SOURCE=EXTRACT_ID, once per source: the extract id is 16 hex digits (as <c>runs --extracts</c> shows it).</summary>
    static Dictionary<string, string> ParseAsOf(ArgumentResult r)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in r.Tokens.Select(t => t.Value))
        {
            var parts = text.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || !System.Text.RegularExpressions.Regex.IsMatch(parts[1], "^[0-9a-fA-F]{16}$"))
            {
                r.AddError($"--as-of takes SOURCE=EXTRACT_ID (16 hex digits, see `runs --extracts`), not '{text}'");
                return pinned;
            }
            if (!pinned.TryAdd(parts[0], parts[1].ToLowerInvariant()))
            {
                r.AddError($"--as-of names the source '{parts[0]}' twice");
                return pinned;
            }
        }
        return pinned;
    }
}
