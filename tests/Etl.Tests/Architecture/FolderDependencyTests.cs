using System.Text.RegularExpressions;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Architecture;

/// <summary>
/// The folders of <c>src/</c> (one node per project and top folder: <c>Transforms.Pipeline</c>, <c>Jobs.Cli</c>, …) and the
/// <c>using ClusterEtl.…</c> directives between them. Issue 14 asks that dependencies point one way; until it lands, this
/// test is a ratchet: a new circle fails it, and so does a known circle that is gone (take it off the list, so it cannot
/// come back unnoticed).
/// </summary>
public class FolderDependencyTests
{
    /// <summary>The circles of the folder graph on 2026-12-02 (before issue 14), each as its folders in order.</summary>
    static readonly string[][] KnownCircles =
    [
        ["Jobs.Commands", "Jobs.Service"],
        ["Jobs.Hosting", "Jobs.Jobs"],
        // Pipeline is both the stages (top) and the layout and errors (bottom), so everything the stages call and that needs the
        // layout joins this circle: the site (written by the publish stage, reading DataLayout) since issue 17.
        ["Transforms.Definitions", "Transforms.Normalize", "Transforms.Pipeline", "Transforms.Pull", "Transforms.Reference", "Transforms.Site",
         "Transforms.Warehouse"],
    ];

    [Fact]
    public void No_new_circle_between_folders_and_every_known_one_still_listed()
    {
        var graph = FolderGraph();
        var circles = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal))).ToHashSet();
        var known = KnownCircles.Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal))).ToHashSet();
        var graphText = string.Join("\n", graph.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} -> {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}"));
        Assert.True(circles.SetEquals(known),
            $"circles now: [{string.Join("; ", circles)}]\nknown: [{string.Join("; ", known)}]\nfolder graph:\n{graphText}");
    }

    [Fact]
    public void The_graph_sees_a_using_between_folders()
    {
        // Guards the reader above: Transforms.Warehouse reads definitions (ClusterDefinition …) with a using directive.
        Assert.Contains("Transforms.Definitions", FolderGraph()["Transforms.Warehouse"]);
    }

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

    /// <summary><c>Transforms.Normalize.Baci</c> -> <c>Transforms.Normalize</c>: a project and its top folder.</summary>
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
