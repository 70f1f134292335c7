namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// A source as the warehouse knows it: its extract ids (the first 16 hex digits of the SHA-256 of each file of its latest
/// fetch, <c>meta.extracts</c>; the <c>extract_id</c> of its lake rows), where it was fetched from and when.
/// </summary>
public sealed record SourceExtract(string Source, IReadOnlyList<string> ExtractIds, string Location, DateTime LastFetch);
