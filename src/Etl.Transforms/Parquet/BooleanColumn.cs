using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

public sealed class BooleanColumn(string name) : ParquetColumn(new DataField<bool>(name, false))
{
    bool[] _values = [];
    public void Set(int row, bool value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new bool[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<bool>(_values, 0, count), null, null, ct);
}
