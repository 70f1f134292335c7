using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

/// <summary>A text column. Callers pass cached string instances where values repeat (codes), so rows cost no allocation.</summary>
public sealed class StringColumn(string name, bool nullable) : ParquetColumn(new DataField<string>(name, nullable))
{
    string?[] _values = [];
    public void Set(int row, string? value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new string?[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ArraySegment<string>(_values!, 0, count), null);
}
