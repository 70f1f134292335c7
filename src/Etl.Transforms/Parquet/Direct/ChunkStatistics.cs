namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>Min, max (plain-encoded bytes, null when every value is null) and null count of a column chunk.</summary>
internal readonly record struct ChunkStatistics(long NullCount, byte[]? Min, byte[]? Max);
