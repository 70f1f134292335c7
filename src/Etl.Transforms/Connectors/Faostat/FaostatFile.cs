namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>One CSV of a FAOSTAT download (a zip entry or a bare file) and its layout.</summary>
/// <param name="Group">The data set the file is a copy of: its name without <c>_(Normalized)</c>, <c>_NOFLAG</c> and extension,
/// prefixed by the zip it is in (a bulk zip holds the same data normalized, wide and without flags).</param>
public sealed record FaostatFile(string Display, string Name, string Group, Func<Stream> Open, FaostatLayout Layout);
