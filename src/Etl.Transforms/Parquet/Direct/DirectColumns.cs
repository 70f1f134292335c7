namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// A column of a table written by <see cref="DirectParquetWriter"/>: a fixed-size buffer of one row group's values,
/// reused from row group to row group, and how to encode them as one Parquet column chunk (one data page, plus a
/// dictionary page for text). Rows are set in order from 0 for each row group.
/// </summary>
/// <remarks>
/// Integer and text columns store nothing while every row holds the same value as row 0 (a source kind, the year
/// of a year file): a column whose value never changes costs no memory traffic per row and is encoded without
/// reading its rows, as a dictionary of one value. For text that is the encoding any chunk gets, so the bytes are
/// the same as if every row had been stored.
/// </remarks>
public abstract class DirectColumn(string name, bool nullable)
{
    public string Name { get; } = name;
    public bool Nullable { get; } = nullable;
    internal abstract PhysicalType Type { get; }
    /// <summary>Text (UTF-8 byte array with the STRING logical type) rather than a number.</summary>
    internal virtual bool IsText => false;
    internal abstract void Allocate(int capacity);
    /// <summary>Encodes the first <paramref name="count"/> values as one column chunk.</summary>
    internal abstract void Encode(int count, ColumnChunkBuilder chunk);
    /// <summary>The same column for <see cref="ParquetTableWriter"/> (used to write a table's empty file).</summary>
    public abstract ParquetColumn ToParquetColumn();
}

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

public sealed class DirectNullableInt32Column(string name) : DirectColumn(name, true)
{
    int?[] _values = [];
    SameValueRun<int?> _run;

    public void Set(int row, int? value)
    {
        if (_run.Absorb(row, value, _values)) return;
        _values[row] = value;
    }

    internal override PhysicalType Type => PhysicalType.Int32;
    internal override void Allocate(int capacity) => _values = new int?[capacity];

    internal override void Encode(int count, ColumnChunkBuilder chunk)
    {
        if (_run.Covers(count)) chunk.WriteRepeatedNumberPages(_run.Value, count, nullable: true);
        else chunk.WriteOptionalPage(new ReadOnlySpan<int?>(_values, 0, count));
    }

    public override ParquetColumn ToParquetColumn() => new NullableInt32Column(Name);
}

public sealed class DirectDoubleColumn(string name) : DirectColumn(name, false)
{
    double[] _values = [];
    public void Set(int row, double value) => _values[row] = value;
    internal override PhysicalType Type => PhysicalType.Double;
    internal override void Allocate(int capacity) => _values = new double[capacity];
    internal override void Encode(int count, ColumnChunkBuilder chunk) => chunk.WriteRequiredPage(new ReadOnlySpan<double>(_values, 0, count));
    public override ParquetColumn ToParquetColumn() => new DoubleColumn(Name);
}

public sealed class DirectNullableDoubleColumn(string name) : DirectColumn(name, true)
{
    double?[] _values = [];
    public void Set(int row, double? value) => _values[row] = value;
    internal override PhysicalType Type => PhysicalType.Double;
    internal override void Allocate(int capacity) => _values = new double?[capacity];
    internal override void Encode(int count, ColumnChunkBuilder chunk) => chunk.WriteOptionalPage(new ReadOnlySpan<double?>(_values, 0, count));
    public override ParquetColumn ToParquetColumn() => new NullableDoubleColumn(Name);
}

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

/// <summary>The buffers of one row group of a table: every column, in file order.</summary>
public abstract class ColumnSet
{
    public abstract IReadOnlyList<DirectColumn> All { get; }

    /// <summary>Sizes every column's buffer for <paramref name="capacity"/> rows.</summary>
    protected void Allocate(int capacity)
    {
        foreach (var c in All) c.Allocate(capacity);
    }
}
