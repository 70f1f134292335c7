namespace ClusterEtl.Transforms.Parquet.Direct;

public sealed class DirectNullableDoubleColumn(string name) : DirectColumn(name, true)
{
    double?[] _values = [];
    public void Set(int row, double? value) => _values[row] = value;
    internal override PhysicalType Type => PhysicalType.Double;
    internal override void Allocate(int capacity) => _values = new double?[capacity];
    internal override void Encode(int count, ColumnChunkBuilder chunk) => chunk.WriteOptionalPage(new ReadOnlySpan<double?>(_values, 0, count));
    public override ParquetColumn ToParquetColumn() => new NullableDoubleColumn(Name);
}
