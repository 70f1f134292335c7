namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>The files to read, and the ones passed over with why.</summary>
public sealed record FaostatSelection(IReadOnlyList<FaostatFile> Data, IReadOnlyList<FaostatFile> Flags,
    IReadOnlyList<(FaostatFile File, string Why)> Ignored);
