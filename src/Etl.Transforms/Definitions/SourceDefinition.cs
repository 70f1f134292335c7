namespace ClusterEtl.Transforms.Definitions;

/// <summary>One extract to pull and normalize, from <c>pipelines/sources/&lt;id&gt;.json</c>.</summary>
/// <param name="Id">Unique id; names <c>raw/&lt;id&gt;/</c> and the partitions of the normalized tables.</param>
/// <param name="Kind">Which connector reads it (see <see cref="Normalize.SourceConnectors"/>).</param>
/// <param name="Options">The kind's options record (e.g. <c>BaciOptions</c>), validated at load.</param>
/// <param name="Location">An http(s) URL or an absolute local path (resolved against the pipelines folder).</param>
/// <param name="DefinitionFile">The file it was read from, for messages.</param>
/// <param name="MaxQuarantineShare">Share of all rows that may be quarantined before the source fails.</param>
/// <param name="MaxQuarantineYearShare">The same, within any one year: a year's hole is not hidden by the others.</param>
/// <param name="MaxQuarantineValueShare">Share of an exporter's value in a year that quarantined rows may hold (trade sources,
/// where a row's value can be read or estimated): a few rows can be a cluster's whole exports.</param>
public sealed record SourceDefinition(
    string Id,
    string Kind,
    string Location,
    string DefinitionFile,
    FetchOptions Fetch,
    double MaxQuarantineShare,
    object? Options,
    double MaxQuarantineYearShare = 0.01,
    double MaxQuarantineValueShare = 0.01)
{
    public bool IsRemote => IsUrl(Location);

    public static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
