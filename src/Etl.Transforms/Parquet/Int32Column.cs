using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

public sealed class Int32Column(string name) : ParquetColumn(new DataField<int>(name, false))
{
    int[] _values = [];
    public void Set(int row, int value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new int[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<int>(_values, 0, count), null, null, ct);
}
