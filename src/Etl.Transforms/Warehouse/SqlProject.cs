using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The <c>sql/</c> folder, dbt style: one model per file in <c>staging/</c>, <c>intermediate/</c> and <c>marts/</c>,
/// each a query followed by its COMMENT ON statements, with an optional <c>-- config:</c> line (see
/// <see cref="ModelConfig"/>). Dependencies are the <c>layer.name</c> references of a query; models run in
/// dependency order. Models read the lake through the <c>lake.</c> views and the reference data through <c>ref.</c>;
/// paths and parameters come from DuckDB variables (<c>getvariable('cif_fob_margin')</c>), set by the runner.
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
        var models = files.Select(x => Read(x.layer, x.f, names, dir)).ToList();
        var checks = Files(dir, "checks")
            .Select(f => new SqlCheck(Path.GetFileNameWithoutExtension(f), f, File.ReadAllText(f))).ToList();
        return new SqlProject { Directory = dir, Models = Order(models), Checks = checks };
    }

    static SqlModel Read(string layer, string file, HashSet<string> names, string dir)
    {
        var text = File.ReadAllText(file);
        var name = Path.GetFileNameWithoutExtension(file);
        var self = $"{layer}.{name}";
        var statements = SqlText.Statements(text);
        var query = statements.FirstOrDefault() ?? "";
        if (!QueryStart().IsMatch(SqlText.WithoutComments(query)))
            throw new PipelineException("transform",
                $"the file must start with the model's query (SELECT or WITH ...), found '{FirstWords(query)}'",
                "Write the query that defines the model, then its COMMENT ON statements; the runner creates the table or view.",
                file: file);
        var documentation = statements.Skip(1).ToList();
        foreach (var s in documentation.Where(s => !CommentStatement().IsMatch(SqlText.WithoutComments(s))))
            throw new PipelineException("transform", $"after the query only COMMENT ON statements may follow, found '{FirstWords(s)}'",
                "Move other statements into a model of their own.", file: file);

        var code = SqlText.WithoutCommentsAndStrings(query);
        var reads = Relation().Matches(code).Select(m => $"{m.Groups[1].Value.ToLowerInvariant()}.{m.Groups[2].Value}")
            .Where(r => r != self).Distinct().Order(StringComparer.Ordinal).ToList();
        var depends = reads.Where(r => Layers.Any(l => r.StartsWith(l + ".", StringComparison.Ordinal))).ToList();
        foreach (var d in depends.Where(d => !names.Contains(d)))
            throw new PipelineException("transform", $"references {d}, which no model in {dir} defines",
                "Fix the reference or add the model.", file: file);
        var settings = Setting().Matches(SqlText.WithoutComments(query)).Select(m => m.Groups[1].Value)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var config = ModelConfig.Parse(text, file);
        // Comments and layout do not change what a model computes: the hash is over the query's words and the config.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config + "\n" + SqlText.Canonical(query))))[..16];
        return new SqlModel(layer, name, file, query, documentation, config, depends, reads, settings, hash);
    }

    static string FirstWords(string statement)
    {
        var s = SqlText.WithoutComments(statement).Trim().ReplaceLineEndings(" ");
        return s.Length > 40 ? s[..40] + "..." : s;
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

    [GeneratedRegex(@"\b(staging|intermediate|marts|ref|meta|lake)\.([A-Za-z_][A-Za-z0-9_]*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relation();

    [GeneratedRegex(@"getvariable\(\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Setting();

    [GeneratedRegex(@"^\s*(\(\s*)*(WITH|SELECT|FROM|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QueryStart();

    [GeneratedRegex(@"^\s*COMMENT\s+ON\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommentStatement();
}
