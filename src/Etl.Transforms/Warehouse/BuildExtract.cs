namespace ClusterEtl.Transforms.Warehouse;

/// <summary>The extract of a source a build reads (the lake's normalized data), a row of <c>meta.build_extracts</c>.</summary>
/// <param name="FetchedAt">When the extract was first fetched (UTC), null when the manifest no longer says.</param>
/// <param name="NewestExtractId">The extract of the source's latest fetch; another one than <paramref name="ExtractId"/> in a
/// build made with <c>run --as-of</c>.</param>
public sealed record BuildExtract(string Source, string ExtractId, DateTime? FetchedAt, string? NewestExtractId)
{
    public bool AsOf => NewestExtractId is not null && NewestExtractId != ExtractId;
}
