using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>Pulls every file of a local folder matching the patterns (case-insensitive), in name order.</summary>
public static class FolderPull
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(FolderPull));

    /// <param name="firstAsData">The first file as role <c>data</c> and the others as <c>data:&lt;name&gt;</c> (FAOSTAT's folders,
    /// so a folder of one file is pulled as that file would be); otherwise every file as <c>data:&lt;name&gt;</c>.</param>
    public static async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, string[] patterns, CancellationToken ct,
        bool firstAsData = false)
    {
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        var files = patterns.SelectMany(p => Directory.GetFiles(c.Source.Location, p, options)).Distinct()
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new PipelineException("pull", $"the folder holds no {string.Join(" or ", patterns)} file",
                $"Put the downloads in it, or point 'location' in {c.Source.DefinitionFile} at a file.", c.Source.Id, c.Source.Location);
        var entries = new List<ManifestEntry>();
        for (var i = 0; i < files.Count; i++)
            entries.Add(await c.Puller.PullAsync(c.Layout, c.Source, i == 0 && firstAsData ? DataRoles.Data : DataRoles.Of(Path.GetFileName(files[i])),
                files[i], c.RunId, ct));
        Log.Information("{Source}: {Count} file(s) pulled from folder {Folder}", c.Source.Id, files.Count, c.Source.Location);
        return entries;
    }
}
