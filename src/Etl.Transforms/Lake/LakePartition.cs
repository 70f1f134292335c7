namespace ClusterEtl.Transforms.Lake;

/// <summary>One partition of a lake table: a source's folder, or one year of it, and a hash of its files.</summary>
public sealed record LakePartition(string Table, string Source, int? Year, int Files, long Bytes, string Fingerprint);
