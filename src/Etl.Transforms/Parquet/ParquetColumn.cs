using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

/// <summary>
/// A column of a Parquet table being written: a fixed-size buffer of one row group's values. Buffers are
/// reused from row group to row group, so writing allocates per row group, not per row.
/// </summary>
public abstract class ParquetColumn(DataField field)
{
    public DataField Field { get; } = field;
    internal abstract void Allocate(int capacity);
    internal abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct);
}
