using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>Pulls every file of a local folder matching the patterns, each as role <c>data:&lt;file name&gt;</c>.</summary>
public static class FolderPull
{
    public static async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, string[] patterns, CancellationToken ct)
    {
        var files = patterns.SelectMany(p => Directory.GetFiles(c.Source.Location, p)).Distinct()
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new PipelineException("pull", $"the folder holds no {string.Join(" or ", patterns)} file",
                $"Check 'location' in {c.Source.DefinitionFile}.", c.Source.Id, c.Source.Location);
        var entries = new List<ManifestEntry>();
        foreach (var f in files)
            entries.Add(await c.Puller.PullAsync(c.Layout, c.Source, "data:" + Path.GetFileName(f), f, c.RunId, ct));
        return entries;
    }
}
