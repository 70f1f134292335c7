using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// The extracts of a source the raw store keeps, from the manifest: each run that pulled the source fetched one set of
/// files (the latest line of each role); sets with the same id are one extract. Nothing here deletes or rewrites a file:
/// an older extract stays available to <c>run --as-of SOURCE=EXTRACT_ID</c>.
/// </summary>
public static class RawExtracts
{
    /// <summary>
    /// The id of the extract a set of pulled files makes: the first 16 hex digits of the data file's SHA-256, or, for a
    /// source pulled as several data files (a folder, API pages: roles <c>data:…</c>), of the SHA-256 of their hashes.
    /// Null when the set holds no data file.
    /// </summary>
    public static string? IdOf(IReadOnlyList<ManifestEntry> files)
    {
        var data = DataRoles.InOrder(files, f => f.Role);
        if (data.Count == 0) return null;
        if (data.Count == 1) return data[0].Sha256[..16];
        var joined = string.Join("\n", data.Select(f => f.Role + " " + f.Sha256));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>Every extract of the source whose files are all still in the raw store, oldest first (by first fetch).</summary>
    public static IReadOnlyList<RawExtract> Of(DataLayout layout, string source) => Of(layout, Manifest.ReadAll(layout), source);

    public static IReadOnlyList<RawExtract> Of(DataLayout layout, IReadOnlyList<ManifestEntry> manifest, string source)
    {
        var extracts = new Dictionary<string, RawExtract>();
        foreach (var run in manifest.Where(e => e.Source == source && e.RunId is not null).GroupBy(e => e.RunId!))
        {
            var files = run.GroupBy(e => e.Role).Select(g => g.Last()).OrderBy(e => e.Role, StringComparer.Ordinal).ToList();
            if (IdOf(files) is not { } id || !files.All(f => File.Exists(Path.Combine(layout.DataDir, f.Path)))) continue;
            var first = run.Min(e => e.FetchedAt);
            // The latest run's set of files stands for the extract; the first fetch dates it.
            extracts[id] = extracts.TryGetValue(id, out var known)
                ? new RawExtract(source, id, known.FirstFetchedAt < first ? known.FirstFetchedAt : first, run.Key, files)
                : new RawExtract(source, id, first, run.Key, files);
        }
        return extracts.Values.OrderBy(e => e.FirstFetchedAt).ThenBy(e => e.ExtractId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The extract of the source's latest pull (the newest), or null when it was never pulled.</summary>
    public static RawExtract? Newest(DataLayout layout, IReadOnlyList<ManifestEntry> manifest, string source)
    {
        var lastRun = manifest.LastOrDefault(e => e.Source == source && e.RunId is not null)?.RunId;
        return lastRun is null ? null : Of(layout, manifest, source).FirstOrDefault(e => e.RunId == lastRun);
    }

    /// <summary>The stored extract with this id; fails naming the source and listing the ids it has when there is none.</summary>
    public static RawExtract Find(DataLayout layout, string source, string extractId)
    {
        var all = Of(layout, source);
        return all.FirstOrDefault(e => string.Equals(e.ExtractId, extractId, StringComparison.OrdinalIgnoreCase))
               ?? throw new PipelineException("pull", $"no extract '{extractId}' of the source in the raw store",
                   all.Count == 0 ? "The source was never pulled into this data folder: run without --as-of first."
                       : $"Stored extracts: {string.Join(", ", all.Select(e => $"{e.ExtractId} (fetched {e.FirstFetchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)"))}; " +
                         "`clusteretl extracts " + source + "` lists them.", source);
    }
}
