namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>Parquet physical types (the Thrift enum <c>Type</c>), those this writer uses.</summary>
internal enum PhysicalType { Int32 = 1, Double = 5, ByteArray = 6 }

/// <summary>Parquet encodings (the Thrift enum <c>Encoding</c>), those this writer uses.</summary>
internal enum PageEncoding { Plain = 0, Rle = 3, RleDictionary = 8 }

/// <summary>Min, max (plain-encoded bytes, null when every value is null) and null count of a column chunk.</summary>
internal readonly record struct ChunkStatistics(long NullCount, byte[]? Min, byte[]? Max);

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

/// <summary>A written row group: its row count and its chunks, in schema order.</summary>
internal sealed record RowGroupInfo(long Rows, IReadOnlyList<ColumnChunkInfo> Columns);
