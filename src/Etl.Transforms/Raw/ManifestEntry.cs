namespace ClusterEtl.Transforms.Raw;

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
