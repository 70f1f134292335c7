using System.Text.Json;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Raw;

public static class Manifest
{
    static readonly JsonSerializerOptions Json = new(StageReport.Json) { WriteIndented = false };
    static readonly Lock Gate = new();

    public static void Append(DataLayout layout, ManifestEntry entry)
    {
        Directory.CreateDirectory(layout.RawDir);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        lock (Gate)
        {
            // One write per line with O_APPEND: concurrent writers never interleave within a line.
            using var fs = new FileStream(layout.RawManifest, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            fs.Write(bytes);
        }
    }

    public static IReadOnlyList<ManifestEntry> ReadAll(DataLayout layout)
    {
        if (!File.Exists(layout.RawManifest)) return [];
        var list = new List<ManifestEntry>();
        using var fs = new FileStream(layout.RawManifest, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(fs);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) list.Add(JsonSerializer.Deserialize<ManifestEntry>(line, Json)!);
        return list;
    }

    /// <summary>The latest fetch of a source's file with this role, or null if never fetched.</summary>
    public static ManifestEntry? Latest(DataLayout layout, string source, string role) =>
        ReadAll(layout).LastOrDefault(e => e.Source == source && e.Role == role);
}
