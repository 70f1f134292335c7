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
            foreach (Match u in Regex.Matches(text, @"^using ClusterEtl\.([\w.]+);", RegexOptions.Multiline))
                if (Node(u.Groups[1].Value) is var to && to != from) edges.Add(to);
        }
        return graph;
    }

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
