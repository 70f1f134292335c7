using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Pipeline;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>One model: <c>sql/&lt;layer&gt;/&lt;name&gt;.sql</c> creates the table <c>&lt;layer&gt;.&lt;name&gt;</c>.</summary>
public sealed record SqlModel(string Layer, string Name, string File, string Sql, IReadOnlyList<string> DependsOn)
{
    public string QualifiedName => $"{Layer}.{Name}";
}

/// <summary>A data test: <c>sql/checks/&lt;name&gt;.sql</c> is a query that returns the rows that break a rule.</summary>
public sealed record SqlCheck(string Name, string File, string Sql);

/// <summary>
/// The <c>sql/</c> folder, dbt style: one model per file in <c>staging/</c>, <c>intermediate/</c> and <c>marts/</c>;
/// dependencies are the <c>layer.name</c> references in a model's SQL, and models run in dependency order.
/// Paths inside SQL come from DuckDB variables (<c>getvariable('lake_dir')</c>), set by the runner.
/// </summary>
public sealed partial class SqlProject
{
    public static readonly string[] Layers = ["staging", "intermediate", "marts"];

    public required string Directory { get; init; }
    /// <summary>Models in the order they must run.</summary>
    public required IReadOnlyList<SqlModel> Models { get; init; }
    public required IReadOnlyList<SqlCheck> Checks { get; init; }

    public static SqlProject Load(string sqlDir)
    {
        var dir = Path.GetFullPath(sqlDir);
        if (!System.IO.Directory.Exists(dir))
            throw new PipelineException("transform", $"the SQL folder {dir} does not exist", "Pass --sql DIR.");
        var files = Layers.SelectMany(layer => Files(dir, layer).Select(f => (layer, f))).ToList();
        var names = files.Select(x => $"{x.layer}.{Path.GetFileNameWithoutExtension(x.f)}").ToHashSet();
        var models = files.Select(x =>
        {
            var sql = File.ReadAllText(x.f);
            var name = Path.GetFileNameWithoutExtension(x.f);
            var self = $"{x.layer}.{name}";
            var deps = Reference().Matches(StripComments(sql)).Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}")
                .Where(r => r != self).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var d in deps.Where(d => !names.Contains(d)))
                throw new PipelineException("transform", $"references {d}, which no model in {dir} defines",
                    "Fix the reference or add the model.", file: x.f);
            return new SqlModel(x.layer, name, x.f, sql, deps);
        }).ToList();
        var checks = Files(dir, "checks")
            .Select(f => new SqlCheck(Path.GetFileNameWithoutExtension(f), f, File.ReadAllText(f))).ToList();
        return new SqlProject { Directory = dir, Models = Order(models), Checks = checks };
    }

    static IEnumerable<string> Files(string dir, string sub)
    {
        var d = Path.Combine(dir, sub);
        return System.IO.Directory.Exists(d) ? System.IO.Directory.GetFiles(d, "*.sql").Order(StringComparer.Ordinal) : [];
    }

    /// <summary>Kahn's algorithm; among ready models, layer order then name, so the order is stable.</summary>
    static List<SqlModel> Order(List<SqlModel> models)
    {
        var remaining = models.ToDictionary(m => m.QualifiedName);
        var done = new HashSet<string>();
        var ordered = new List<SqlModel>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Values.Where(m => m.DependsOn.All(done.Contains))
                .OrderBy(m => Array.IndexOf(Layers, m.Layer)).ThenBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault();
            if (ready is null)
                throw new PipelineException("transform",
                    $"models depend on each other in a cycle: {string.Join(", ", remaining.Keys.Order())}",
                    "Break the cycle.", file: remaining.Values.First().File);
            ordered.Add(ready);
            done.Add(ready.QualifiedName);
            remaining.Remove(ready.QualifiedName);
        }
        return ordered;
    }

    static string StripComments(string sql) => Comment().Replace(sql, " ");

    [GeneratedRegex(@"\b(staging|intermediate|marts)\.([A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex Reference();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
