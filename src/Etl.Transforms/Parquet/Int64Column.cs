using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

public sealed class Int64Column(string name) : ParquetColumn(new DataField<long>(name, false))
{
    long[] _values = [];
    public void Set(int row, long value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new long[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<long>(_values, 0, count), null, null, ct);
}
