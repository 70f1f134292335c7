using System.CommandLine;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>validate</c>: checks the definitions (pipelines/) and compiles the SQL models (sql/) against the lake's columns,
/// without running anything. Prints every problem found in one pass (exit code 1), then the warnings.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var sql = CommonOptions.Sql();
        var command = new Command("validate", "Check the definitions (pipelines/) and compile the SQL models (sql/) without running anything; " +
                                              "every problem is listed")
        {
            pipelines, sql,
        };
        command.SetAction(p => Run(p.GetValue(pipelines)!, p.GetValue(sql)!, Console.Out));
        return command;
    }

    static int Run(string pipelinesDir, string sqlDir, TextWriter output)
    {
        var problems = new List<string>();
        PipelineDefinitions? definitions = null;
        try
        {
            definitions = PipelineDefinitions.Load(pipelinesDir, SourceConnectors.Kinds, out var found);
            problems.AddRange(found.Select(p => $"{p.FilePath}: field '{p.Field}': {p.Problem}"));
        }
        catch (DefinitionException e)
        {
            problems.Add($"{e.FilePath}: field '{e.Field}': {e.Problem}");
        }
        SqlProject? sql = null;
        try
        {
            sql = SqlProject.Load(sqlDir);
        }
        catch (PipelineException e)
        {
            problems.Add(e.Message);
        }
        IReadOnlyList<ScheduleEntry> schedules = [];
        if (definitions is not null)
        {
            try
            {
                schedules = ScheduleDefinitions.Load(definitions);
            }
            catch (DefinitionException e)
            {
                problems.Add($"{e.FilePath}: field '{e.Field}': {e.Problem}");
            }
            if (sql is not null) problems.AddRange(ModelCompiler.Compile(sql, definitions, SourceConnectors.Lake));
        }

        if (definitions is not null)
        {
            output.WriteLine($"{definitions.Sources.Count} source(s): {string.Join(", ", definitions.Sources.Select(s => s.Id))}");
            output.WriteLine($"{definitions.Clusters.Count} cluster(s): {string.Join(", ", definitions.Clusters.Select(c => c.Id))}");
            output.WriteLine($"{schedules.Count} schedule(s): {string.Join(", ", schedules.Select(e => $"{e.Id} ({e.Cron}, {e.TimeZone.Id})"))}");
        }
        if (sql is not null)
            output.WriteLine($"{sql.Models.Count} model(s) in order: {string.Join(" -> ", sql.Models.Select(m => m.QualifiedName))}; " +
                             $"{sql.Checks.Count} check(s)");
        foreach (var w in definitions?.Warnings ?? []) output.WriteLine($"warning: {w}");
        if (problems.Count == 0)
        {
            output.WriteLine("Definitions are valid; every model compiles against the lake's columns and is documented.");
            return 0;
        }
        Console.Error.WriteLine($"error: {problems.Count} problem(s):");
        foreach (var p in problems) Console.Error.WriteLine($"  {p}");
        return 1;
    }
}
