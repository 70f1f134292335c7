namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>A written row group: its row count and its chunks, in schema order.</summary>
internal sealed record RowGroupInfo(long Rows, IReadOnlyList<ColumnChunkInfo> Columns);
