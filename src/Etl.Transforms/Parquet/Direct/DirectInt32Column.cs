namespace ClusterEtl.Transforms.Parquet.Direct;

public sealed class DirectInt32Column(string name) : DirectColumn(name, false)
{
    int[] _values = [];
    SameValueRun<int> _run;

    public void Set(int row, int value)
    {
        if (_run.Absorb(row, value, _values)) return;
        _values[row] = value;
    }

    internal override PhysicalType Type => PhysicalType.Int32;
    internal override void Allocate(int capacity) => _values = new int[capacity];

    internal override void Encode(int count, ColumnChunkBuilder chunk)
    {
        if (_run.Covers(count)) chunk.WriteRepeatedNumberPages<int>(_run.Value, count, nullable: false);
        else chunk.WriteRequiredPage(new ReadOnlySpan<int>(_values, 0, count));
    }

    public override ParquetColumn ToParquetColumn() => new Int32Column(Name);
}
