using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Lists the partitions of every lake table with a SHA-256 of their files, so a build sees which tables and years
/// changed since the previous one (<c>meta.lake_partitions</c>). A file's hash is kept in
/// <c>state/lake-file-hashes.json</c> by path, size and modification time, so unchanged files are not read again.
/// </summary>
public static class LakePartitions
{
    sealed record CachedHash(long Length, long ModifiedTicks, string Sha256);

    public static IReadOnlyList<LakePartition> Scan(DataLayout layout, LakeCatalog lake)
    {
        var cacheFile = Path.Combine(layout.StateDir, "lake-file-hashes.json");
        var cache = File.Exists(cacheFile)
            ? JsonSerializer.Deserialize<Dictionary<string, CachedHash>>(File.ReadAllText(cacheFile)) ?? []
            : [];
        var used = new Dictionary<string, CachedHash>();
        var partitions = new List<LakePartition>();
        foreach (var table in lake.Tables)
        {
            foreach (var (source, sourceDir) in LakePaths.Sources(Path.Combine(layout.LakeDir, table.Folder)))
            {
                if (!table.ByYear)
                    partitions.Add(Partition(table.Name, source, null, sourceDir));
                else
                    foreach (var (year, yearDir) in LakePaths.Years(sourceDir))
                        partitions.Add(Partition(table.Name, source, year, yearDir));
            }
        }
        Directory.CreateDirectory(layout.StateDir);
        AtomicFile.WriteAllText(cacheFile, JsonSerializer.Serialize(used));
        return partitions;

        LakePartition Partition(string table, string source, int? year, string dir)
        {
            var files = Directory.GetFiles(dir, "*.parquet").Order(StringComparer.Ordinal).ToList();
            var fp = new StringBuilder();
            long bytes = 0;
            foreach (var f in files)
            {
                var info = new FileInfo(f);
                var key = Path.GetRelativePath(layout.DataDir, f).Replace('\\', '/');
                if (!cache.TryGetValue(key, out var h) || h.Length != info.Length || h.ModifiedTicks != info.LastWriteTimeUtc.Ticks)
                {
                    using var s = File.OpenRead(f);
                    h = new CachedHash(info.Length, info.LastWriteTimeUtc.Ticks, Convert.ToHexStringLower(SHA256.HashData(s)));
                }
                used[key] = h;
                bytes += info.Length;
                fp.Append(Path.GetFileName(f)).Append(' ').Append(h.Sha256).Append('\n');
            }
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fp.ToString())))[..16];
            return new LakePartition(table, source, year, files.Count, bytes, fingerprint);
        }
    }

    /// <summary>
    /// What changed per lake view (<c>lake.&lt;table&gt;</c>) between two scans: the years of a year-partitioned table
    /// where any source's partition was added, removed or rewritten with other content; everything for another table
    /// when any of its partitions did.
    /// </summary>
    public static Dictionary<string, Change> Compare(IReadOnlyList<LakePartition> previous, IReadOnlyList<LakePartition> current,
        LakeCatalog lake)
    {
        var changes = new Dictionary<string, Change>();
        foreach (var table in lake.Tables)
        {
            var before = previous.Where(p => p.Table == table.Name).ToDictionary(p => (p.Source, p.Year), p => p.Fingerprint);
            var after = current.Where(p => p.Table == table.Name).ToDictionary(p => (p.Source, p.Year), p => p.Fingerprint);
            var differing = before.Keys.Union(after.Keys)
                .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b).ToList();
            changes[table.Relation] = differing.Count == 0 ? Change.None
                : table.ByYear ? Change.OfYears(differing.Select(k => k.Year!.Value))
                : Change.Everything;
        }
        return changes;
    }
}
