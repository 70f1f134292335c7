namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>Where a column chunk landed in the file and what it holds: the footer's <c>ColumnMetaData</c>.</summary>
internal sealed record ColumnChunkInfo(
    string Name,
    PhysicalType Type,
    IReadOnlyList<int> Encodings,
    long NumValues,
    long UncompressedSize,
    long CompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    ChunkStatistics Statistics)
{
    /// <summary>The first byte of the chunk (its dictionary page when it has one).</summary>
    public long Start => DictionaryPageOffset ?? DataPageOffset;
}
