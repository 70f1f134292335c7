namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>One file of a download: a zip entry, or the downloaded file itself when it is not a zip.</summary>
/// <param name="Display">How messages name it: the raw path, plus <c>!entry</c> for a zip entry.</param>
/// <param name="Name">The file name (of the entry, without its folder).</param>
/// <param name="FullName">The entry's path in the zip ('/'-separated), or the file name.</param>
/// <param name="Length">Its size in bytes (uncompressed): an empty entry is still an entry.</param>
public sealed record DownloadEntry(string Display, string Name, string FullName, bool InZip, long Length, Func<Stream> Open);
