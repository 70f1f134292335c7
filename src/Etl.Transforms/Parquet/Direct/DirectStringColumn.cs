namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// A text column, dictionary-encoded: each distinct value is stored once per row group and rows hold its index, so
/// columns whose values repeat (codes, constants such as the source kind) cost a few bits per row. Callers pass cached
/// string instances where values repeat: a value equal by reference to the row before is found without hashing.
/// </summary>
public sealed class DirectStringColumn(string name, bool nullable) : DirectColumn(name, nullable)
{
    string?[] _values = [];
    SameTextRun _run;

    public void Set(int row, string? value)
    {
        if (_run.Absorb(row, value, _values)) return;
        _values[row] = value;
    }

    internal override PhysicalType Type => PhysicalType.ByteArray;
    internal override bool IsText => true;
    internal override void Allocate(int capacity) => _values = new string?[capacity];

    internal override void Encode(int count, ColumnChunkBuilder chunk)
    {
        if (_run.Covers(count)) chunk.WriteRepeatedTextPages(_run.Value, count, Nullable, Name);
        else chunk.WriteDictionaryPages(_values.AsSpan(0, count), Nullable, Name);
    }

    public override ParquetColumn ToParquetColumn() => new StringColumn(Name, Nullable);
}
