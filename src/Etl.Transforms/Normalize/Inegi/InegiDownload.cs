using System.IO.Compression;
using ClusterEtl.Transforms.Pipeline;

namespace ClusterEtl.Transforms.Normalize.Inegi;

/// <summary>One file of an INEGI download: a zip entry (<c>download.zip!conjunto_de_datos/x.csv</c>) or a bare file.</summary>
public sealed record InegiFile(string DisplayName, string Name, Func<Stream> Open);

/// <summary>
/// Opens an INEGI download: a zip (DENUE ships <c>conjunto_de_datos/</c>, <c>diccionario_de_datos/</c> and
/// <c>metadatos/</c>) or a bare file. A zip that cannot be read (truncated download) is a clear error naming it.
/// </summary>
public static class InegiDownload
{
    /// <param name="select">Which zip entries (by full name, '/' separated) hold the data.</param>
    /// <param name="seen">Every entry name of the zip, for messages when none is selected.</param>
    public static IReadOnlyList<InegiFile> Open(string path, string displayName, string sourceId, Func<string, bool> select,
        List<IDisposable> owned, out IReadOnlyList<string> seen)
    {
        if (!IsZip(path))
        {
            seen = [Path.GetFileName(path)];
            return [new InegiFile(displayName, Path.GetFileName(path), () => File.OpenRead(path))];
        }
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"not a readable zip archive, probably truncated or corrupt ({e.Message})",
                "Download the file again (or point 'location' at a complete copy) and rerun.", sourceId, displayName, inner: e);
        }
        owned.Add(zip);
        seen = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
        return zip.Entries
            .Where(e => e.Length > 0 && select(e.FullName.Replace('\\', '/')))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => new InegiFile($"{displayName}!{e.FullName}", e.Name, () => e.Open()))
            .ToList();
    }

    static bool IsZip(string path)
    {
        using var fs = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return fs.Read(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
}
