using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Compiles every SQL model without running it (<c>validate</c>): in an in-memory DuckDB with the seeds, the reference
/// tables and the lake views over an empty lake (no rows, the right columns), each model becomes its view, or an empty table, in
/// dependency order, so DuckDB binds every name (a misspelled column fails here, not in <c>run</c>); then its COMMENT ONs run and
/// every column must be documented, and the checks are bound too. Reports every problem, not the first only.
/// </summary>
public static class ModelCompiler
{
    /// <returns>One line per problem: the file, and DuckDB's message.</returns>
    public static IReadOnlyList<string> Compile(SqlProject project, PipelineDefinitions definitions, LakeCatalog lake)
    {
        var problems = new List<string>();
        var emptyData = Path.Combine(Path.GetTempPath(), "clusteretl-validate-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var c = DuckDb.Open(":memory:");
            var settings = definitions.Settings ?? new WarehouseSettings();
            foreach (var e in settings.Entries) c.Execute($"SET VARIABLE {e.Name} = {e.Value}");
            foreach (var schema in new[] { "ref", "meta" }.Concat(SqlProject.Layers)) c.Execute($"CREATE SCHEMA IF NOT EXISTS {schema}");
            var seeds = new ReferenceSeeds(project.Directory, definitions.Directory);
            foreach (var f in seeds.Files) Try(problems, f, () => seeds.Run(c, f));
            if (problems.Count > 0) return problems;
            DefinitionTables.Load(c, definitions, settings);
            LakeViews.Create(c, new DataLayout(emptyData), lake);

            var failed = new HashSet<string>();
            foreach (var model in project.Models)
            {
                if (model.DependsOn.FirstOrDefault(failed.Contains) is { } broken)
                {
                    failed.Add(model.QualifiedName);
                    problems.Add($"{Display(project, model.File)}: not compiled, it reads {broken}, which does not compile");
                    continue;
                }
                var create = model.Config.Materialized == Materialization.View
                    ? $"CREATE VIEW {model.QualifiedName} AS {model.Query}"
                    : $"CREATE TABLE {model.QualifiedName} AS SELECT * FROM ({model.Query}) AS q LIMIT 0";
                // A computed model: its input query must bind, and its table has the computation's columns.
                var input = model.Config.Computed is { } computed ? $"EXPLAIN {model.Query}" : null;
                if (input is not null) create = ComputedModels.CreateTable(ComputedModels.Find(model.Config.Computed!)!, model.QualifiedName);
                if ((input is not null && !Try(problems, Display(project, model.File), () => c.Rows(input))) ||
                    !Try(problems, Display(project, model.File), () => c.Execute(create)) ||
                    !model.Documentation.All(statement => Try(problems, Display(project, model.File), () => c.Execute(statement))))
                    failed.Add(model.QualifiedName);
            }
            problems.AddRange(Undocumented(c, project));
            foreach (var check in project.Checks.Where(k => !k.Sql.Split(' ', '\n').Any(failed.Contains)))
                Try(problems, Display(project, check.File), () => c.Execute($"EXPLAIN {check.Sql}"));
        }
        finally
        {
            if (Directory.Exists(emptyData)) Directory.Delete(emptyData, recursive: true);
        }
        return problems;
    }

    /// <summary>The models' columns and views without a COMMENT ON, one line per model file.</summary>
    static IEnumerable<string> Undocumented(DuckDBConnection c, SqlProject project)
    {
        var rows = c.Rows("""
            SELECT schema_name || '.' || table_name, list(column_name ORDER BY column_index)
            FROM duckdb_columns()
            WHERE schema_name IN ('staging', 'intermediate', 'marts') AND NOT internal AND (comment IS NULL OR trim(comment) = '')
            GROUP BY 1 ORDER BY 1
            """);
        foreach (var r in rows)
        {
            var name = (string)r[0]!;
            var columns = ((System.Collections.IEnumerable)r[1]!).Cast<object>().Select(o => o.ToString());
            var file = project.Models.FirstOrDefault(m => m.QualifiedName == name)?.File;
            yield return $"{(file is null ? name : Display(project, file))}: no COMMENT ON COLUMN for {string.Join(", ", columns)} " +
                         "(every column must be documented; the build fails otherwise)";
        }
        foreach (var r in c.Rows("""
                     SELECT schema_name || '.' || view_name FROM duckdb_views()
                     WHERE schema_name IN ('staging', 'intermediate', 'marts') AND NOT internal AND (comment IS NULL OR trim(comment) = '')
                     ORDER BY 1
                     """))
        {
            var name = (string)r[0]!;
            var file = project.Models.FirstOrDefault(m => m.QualifiedName == name)?.File;
            yield return $"{(file is null ? name : Display(project, file))}: no COMMENT ON VIEW {name} (the model must say what it holds)";
        }
    }

    static bool Try(List<string> problems, string where, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DuckDBException e)
        {
            problems.Add($"{where}: {TextCap.Cap(e.Message.ReplaceLineEndings(" "))}");
            return false;
        }
    }

    static string Display(SqlProject project, string file) =>
        Path.GetRelativePath(Path.GetDirectoryName(project.Directory.TrimEnd('/', '\\'))!, file);
}
