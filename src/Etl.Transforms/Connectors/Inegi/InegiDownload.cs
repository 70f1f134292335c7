using ClusterEtl.Transforms.Connectors.Shared;
namespace ClusterEtl.Transforms.Connectors.Inegi;

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
        var entries = DownloadFiles.Open(path, displayName, sourceId, owned);
        if (entries is [{ InZip: false } bare])
        {
            seen = [bare.Name];
            return [new InegiFile(displayName, bare.Name, bare.Open)];
        }
        seen = DownloadFiles.EntryNames(owned.TakeLast(1));
        return entries.Where(e => select(e.FullName)).Select(e => new InegiFile(e.Display, e.Name, e.Open)).ToList();
    }
}
