namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// One extract of a source kept in the raw store: the files one run pulled for it (data and side files), its id (the
/// <c>extract_id</c> of the rows normalized from it) and when its content was first fetched.
/// </summary>
public sealed record RawExtract(string Source, string ExtractId, DateTimeOffset FirstFetchedAt, string RunId,
    IReadOnlyList<ManifestEntry> Files)
{
    public long Bytes => Files.Sum(f => f.Bytes);
}
