namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>One CSV of a BACI release: a zip entry or a bare file. Each <see cref="Open"/> gives a stream of its own,
/// so that several files of one zip can be read at once.</summary>
/// <param name="Length">Its size in bytes (uncompressed), for progress; null when not known.</param>
public sealed record BaciFile(string DisplayName, string Name, BaciFileRole Role, Func<Stream> Open, long? Length = null);
