using System.Text.RegularExpressions;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Architecture;

/// <summary>
/// The folders of <c>src/</c> (one node per project and top folder: <c>Transforms.Stages</c>, <c>Jobs.Commands</c>, …) and the
/// <c>using ClusterEtl.…</c> directives between them. Dependencies point one way (issue 14): no circle, and every folder
/// uses only folders of a lower layer. A new folder must be placed in <see cref="Layers"/>.
/// </summary>
public class FolderDependencyTests
{
    /// <summary>The layers, bottom first. A folder may use the folders of the layers below its own, never a peer or one above.</summary>
    static readonly string[][] Layers =
    [
        ["Transforms.Kernel", "Transforms.Parquet"],        // errors, atomic files, data folder, ledger, DuckDB helpers; the Parquet encoder
        ["Transforms.Reference"],                           // code lists: countries, HS, FAO items, Mexico
        ["Transforms.Definitions"],                         // sources, clusters, schedules, warehouse settings
        ["Transforms.Raw", "Transforms.Lake"],              // pulled files and their manifest; lake tables, writers, quarantine, partitions
        ["Transforms.Connectors", "Transforms.Warehouse", "Transforms.Benchmarks"], // source kinds; DuckDB models, checks, publishing
        ["Transforms.Export"],                              // a cluster as a workbook
        ["Transforms.Site"],                                // the published pages
        ["Transforms.Stages"],                              // pull, normalize, transform, publish
        ["Jobs.Hosting"],                                   // logging, usage errors
        ["Jobs.Hangfire"],                                  // jobs, chain, storage, schedules, dashboard
        ["Jobs.Commands"],                                  // the command line
    ];

    [Fact]
    public void No_circle_between_folders()
    {
        var graph = FolderGraph();
        var circles = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal))).ToList();
        Assert.True(circles.Count == 0, $"circles: [{string.Join("; ", circles)}]\nfolder graph:\n{GraphText(graph)}");
    }

    [Fact]
    public void Every_folder_uses_only_lower_layers()
    {
        var graph = FolderGraph();
        var layer = Layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(x => x.f, x => x.i);
        var unplaced = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Where(f => !layer.ContainsKey(f)).Distinct().ToList();
        Assert.True(unplaced.Count == 0, $"folders without a layer: {string.Join(", ", unplaced)}");
        var upward = graph.SelectMany(kv => kv.Value.Where(to => layer[to] >= layer[kv.Key]).Select(to => $"{kv.Key} -> {to}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(upward.Count == 0, $"uses of a peer or a higher layer: {string.Join("; ", upward)}\nfolder graph:\n{GraphText(graph)}");
    }

    [Fact]
    public void A_name_qualified_by_a_folder_is_a_use()
    {
        const string text = """
            using ClusterEtl.Transforms.Kernel;
            namespace ClusterEtl.Transforms.Definitions;
            // Site.SiteText in a comment is no use
            class C { Reference.CountryReference? R; object L => ClusterEtl.Transforms.Lake.LakePaths.FirstPart; string S = "Stages.X"; }
            """;
        Assert.Equal(["Transforms.Kernel", "Transforms.Lake", "Transforms.Reference"], Uses(text, "Transforms.Definitions").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_graph_sees_a_using_between_folders()
    {
        // Guards the reader above: Transforms.Warehouse reads definitions (ClusterDefinition …) with a using directive.
        Assert.Contains("Transforms.Definitions", FolderGraph()["Transforms.Warehouse"]);
    }

    static string GraphText(Dictionary<string, HashSet<string>> graph) => string.Join("\n", graph.OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(kv => $"{kv.Key} -> {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}"));

    static Dictionary<string, HashSet<string>> FolderGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            var ns = Regex.Match(text, @"^namespace ClusterEtl\.([\w.]+)", RegexOptions.Multiline);
            if (!ns.Success) continue;
            var from = Node(ns.Groups[1].Value);
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var to in Uses(text, from)) edges.Add(to);
        }
        return graph;
    }

    /// <summary>The folders a file's text uses: its <c>using ClusterEtl.…</c> directives, and the names it qualifies by a folder
    /// (<c>Reference.CountryReference</c>, <c>ClusterEtl.Transforms.Kernel.DataLayout</c>), which need no directive.</summary>
    static IEnumerable<string> Uses(string text, string from)
    {
        var uses = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match u in Regex.Matches(text, @"^using ClusterEtl\.([\w.]+);", RegexOptions.Multiline))
            uses.Add(Node(u.Groups[1].Value));
        var project = from.Split('.')[0];
        foreach (var line in text.Split('\n').Where(l => !l.TrimStart().StartsWith("//") && !l.StartsWith("using ") && !l.StartsWith("namespace ")))
        {
            foreach (Match q in Regex.Matches(line, @"ClusterEtl\.(\w+\.\w+)\.[A-Z]"))
                uses.Add(Node(q.Groups[1].Value));
            foreach (Match q in Regex.Matches(line, @"(?<![.\w""])([A-Z]\w+)\.(?=[A-Z])"))
                if (Folders.Value.Contains($"{project}.{q.Groups[1].Value}"))
                    uses.Add($"{project}.{q.Groups[1].Value}");
        }
        uses.Remove(from);
        return uses;
    }

    /// <summary>The top folders of each project (<c>Transforms.Kernel</c>, …).</summary>
    static readonly Lazy<HashSet<string>> Folders = new(() =>
        new[] { ("Transforms", "Etl.Transforms"), ("Jobs", "Etl.Jobs") }
            .SelectMany(p => Directory.GetDirectories(Path.Combine(Repo.Root, "src", p.Item2))
                .Select(d => Path.GetFileName(d)).Where(n => n is not ("bin" or "obj")).Select(n => $"{p.Item1}.{n}"))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary><c>Transforms.Connectors.Baci</c> -> <c>Transforms.Connectors</c>: a project and its top folder.</summary>
    static string Node(string ns) => string.Join('.', ns.Split('.').Take(2));

    /// <summary>Tarjan's strongly connected components.</summary>
    static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(); var low = new Dictionary<string, int>();
        var stack = new Stack<string>(); var onStack = new HashSet<string>(); var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v); onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            result.Add(component);
        }
        foreach (var v in graph.Keys.ToList()) if (!index.ContainsKey(v)) Visit(v);
        return result;
    }
}
