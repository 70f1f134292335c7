using System.Text.Json;
using ClusterEtl.Transforms.Pipeline;

namespace ClusterEtl.Transforms.Pull;

/// <summary>
/// One fetch of one file, appended to <c>raw/manifest.jsonl</c> (one JSON object per line).
/// The manifest is the provenance record: what was fetched from where, when, and its content hash.
/// </summary>
public sealed record ManifestEntry
{
    public required string Source { get; init; }
    /// <summary>What the file is for the connector: <c>data</c> or <c>country_codes</c>.</summary>
    public required string Role { get; init; }
    /// <summary>Where it came from, with any credentials in a URL redacted.</summary>
    public required string Location { get; init; }
    public required long Bytes { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    /// <summary>Path of the raw file, relative to the data folder.</summary>
    public required string Path { get; init; }
    /// <summary>False when the content is the same as the previous fetch of this source and role.</summary>
    public required bool Changed { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? RunId { get; init; }
}

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
