using System.IO.Compression;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// Opens a pulled file the way every connector needs: a zip (recognised by its signature, not its name) gives its
/// entries in name order, the empty ones too (a connector decides whether an empty entry named like data fails the
/// source; it must never be passed over as if absent); any other file is one entry. A zip that cannot be read (a
/// truncated download) is a clear error naming the file and what to do; so is an entry whose name reaches outside the
/// archive (<c>../x.csv</c>, an absolute path): a release holding one is refused whole.
/// </summary>
public static class DownloadFiles
{
    /// <param name="owned">Receives the opened archive, to dispose once the entries have been read.</param>
    public static IReadOnlyList<DownloadEntry> Open(string path, string display, string sourceId, List<IDisposable> owned)
    {
        var fileName = Path.GetFileName(path);
        if (!IsZip(path)) return [new DownloadEntry(display, fileName, fileName, false, new FileInfo(path).Length, () => File.OpenRead(path))];
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"not a readable zip archive, probably truncated or corrupt ({e.Message})",
                "Download the file again (or point 'location' at a complete copy) and rerun.", sourceId, display, inner: e);
        }
        owned.Add(zip);
        foreach (var e in zip.Entries.Where(e => !IsInside(e.FullName)))
            throw new PipelineException("normalize", $"the zip holds an entry named '{e.FullName}', outside the archive's own folder",
                "Do not use this file: a release never names entries with '..' or an absolute path. Download it again from the publisher.",
                sourceId, display);
        return zip.Entries
            .Where(e => !e.FullName.EndsWith('/'))   // folders
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => new DownloadEntry($"{display}!{e.FullName}", e.Name, e.FullName.Replace('\\', '/'), true, e.Length, () => e.Open()))
            .ToList();
    }

    /// <summary>A relative entry name that stays inside the archive: no '..' part, no root, no drive.</summary>
    public static bool IsInside(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        return name.Length > 0 && !name.StartsWith('/') && !(name.Length > 1 && name[1] == ':') &&
               name.Split('/').All(part => part != "..");
    }

    /// <summary>
    /// Opens one entry of a zip through an archive of its own, closed with the stream: unlike the entries of
    /// <see cref="Open"/>, which share one archive, several such streams can be read at once on different threads.
    /// </summary>
    public static Stream OpenEntryAlone(string zipPath, string entryFullName)
    {
        var zip = ZipFile.OpenRead(zipPath);
        try
        {
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/') == entryFullName)
                        ?? throw new FileNotFoundException($"no entry {entryFullName} in {zipPath}");
            return new OwningStream(entry.Open(), zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Every entry name of a zip (empty ones included), for messages when none is what was expected.</summary>
    public static IReadOnlyList<string> EntryNames(IEnumerable<IDisposable> owned) =>
        owned.OfType<ZipArchive>().SelectMany(z => z.Entries).Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();

    public static bool IsCsv(DownloadEntry e) => !e.InZip || e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static bool IsZip(string path)
    {
        using var fs = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return fs.Read(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
}
