using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

public sealed class DoubleColumn(string name) : ParquetColumn(new DataField<double>(name, false))
{
    double[] _values = [];
    public void Set(int row, double value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new double[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<double>(_values, 0, count), null, null, ct);
}
