using System.CommandLine;
using System.CommandLine.Parsing;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using Hangfire;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>backfill SOURCE --years FIRST-LAST</c>: normalize those years of one source again, replacing only their partitions,
/// and rebuild: in this process with memory storage, or queued on the service with <c>--storage postgres</c>.
/// </summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "The source's id (pipelines/sources/SOURCE.json)" };
        var years = new Option<int[]>("--years")
        {
            Description = "The years to normalize again: YEAR or FIRST-LAST, e.g. 2010-2020",
            HelpName = "FIRST-LAST",
            Required = true,
            CustomParser = ParseYears,
        };
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var sql = CommonOptions.Sql();
        var wait = CommonOptions.Wait();
        var storage = new StorageOptions();
        var command = new Command("backfill", "Normalize some years of a source again (replacing only their partitions) and rebuild")
        {
            source, years, pipelines, data, sql, wait,
        };
        storage.AddTo(command);
        command.SetAction(async (p, ct) =>
        {
            var definitions = PipelineDefinitions.Load(p.GetValue(pipelines)!, SourceConnectors.Kinds);
            var id = p.GetValue(source)!;
            if (definitions.Sources.All(s => s.Id != id))
                throw new UsageException($"unknown source '{id}' (closest: {string.Join(", ", TextDistance.Closest(id, definitions.Sources.Select(s => s.Id)))})");
            var range = p.GetValue(years)!;
            var request = new RunRequest(RunRequest.NewRunId(DateTimeOffset.UtcNow), p.GetValue(pipelines)!, p.GetValue(data)!,
                p.GetValue(sql)!, false, [id], range);
            var o = storage.Read(p);
            if (o.Storage != "postgres")
                return await InProcessRun.ExecuteAsync(request, "backfill", p.GetValue(wait), p.GetValue(CommonOptions.Verbose), ct);
            PipelineChain.Enqueue(new BackgroundJobClient(JobStorageFactory.Create(o, out _)), request);
            Console.WriteLine($"queued backfill of {id} years {range[0]}-{range[1]} as run {request.RunId}; follow it with `runs`");
            return 0;
        });
        return command;
    }

    /// <summary>YEAR or FIRST-LAST, years 1900-2100, FIRST at most LAST.</summary>
    static int[] ParseYears(ArgumentResult r)
    {
        var text = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, out var y) && y is >= 1900 and <= 2100))
        {
            var first = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var last = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (first <= last) return [first, last];
            r.AddError($"--years {text} is reversed: write the first year first ({last}-{first})");
            return [];
        }
        r.AddError($"--years takes YEAR or FIRST-LAST (e.g. 2010-2020), not '{text}'");
        return [];
    }
}
