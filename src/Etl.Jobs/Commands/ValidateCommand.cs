using System.CommandLine;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>validate</c>: checks the definitions (pipelines/) and the SQL models (sql/) without running anything.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var sql = CommonOptions.Sql();
        var command = new Command("validate", "Check the definitions (pipelines/) and the SQL models (sql/) without running anything")
        {
            pipelines, sql,
        };
        command.SetAction(p => Run(p.GetValue(pipelines)!, p.GetValue(sql)!, Console.Out));
        return command;
    }

    static int Run(string pipelinesDir, string sqlDir, TextWriter output)
    {
        var definitions = PipelineDefinitions.Load(pipelinesDir);
        var sql = SqlProject.Load(sqlDir);
        var schedules = ScheduleDefinitions.Load(definitions);
        output.WriteLine($"{definitions.Sources.Count} source(s): {string.Join(", ", definitions.Sources.Select(s => s.Id))}");
        output.WriteLine($"{definitions.Clusters.Count} cluster(s): {string.Join(", ", definitions.Clusters.Select(c => c.Id))}");
        output.WriteLine($"{sql.Models.Count} model(s) in order: {string.Join(" -> ", sql.Models.Select(m => m.QualifiedName))}");
        output.WriteLine($"{schedules.Count} schedule(s): {string.Join(", ", schedules.Select(e => $"{e.Id} ({e.Cron}, {e.TimeZone.Id})"))}");
        output.WriteLine($"{sql.Checks.Count} check(s). Definitions are valid.");
        return 0;
    }
}
