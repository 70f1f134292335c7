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

public sealed class Int32Column(string name) : ParquetColumn(new DataField<int>(name, false))
{
    int[] _values = [];
    public void Set(int row, int value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new int[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<int>(_values, 0, count), null, null, ct);
}

public sealed class Int64Column(string name) : ParquetColumn(new DataField<long>(name, false))
{
    long[] _values = [];
    public void Set(int row, long value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new long[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<long>(_values, 0, count), null, null, ct);
}

public sealed class DoubleColumn(string name) : ParquetColumn(new DataField<double>(name, false))
{
    double[] _values = [];
    public void Set(int row, double value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new double[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<double>(_values, 0, count), null, null, ct);
}

public sealed class NullableDoubleColumn(string name) : ParquetColumn(new DataField<double?>(name, true))
{
    double?[] _values = [];
    public void Set(int row, double? value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new double?[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<double?>(_values, 0, count), null, null, ct);
}

/// <summary>A text column. Callers pass cached string instances where values repeat (codes), so rows cost no allocation.</summary>
public sealed class StringColumn(string name, bool nullable) : ParquetColumn(new DataField<string>(name, nullable))
{
    string?[] _values = [];
    public void Set(int row, string? value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new string?[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ArraySegment<string>(_values!, 0, count), null);
}

public sealed class NullableInt32Column(string name) : ParquetColumn(new DataField<int?>(name, true))
{
    int?[] _values = [];
    public void Set(int row, int? value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new int?[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<int?>(_values, 0, count), null, null, ct);
}

public sealed class NullableInt64Column(string name) : ParquetColumn(new DataField<long?>(name, true))
{
    long?[] _values = [];
    public void Set(int row, long? value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new long?[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<long?>(_values, 0, count), null, null, ct);
}

public sealed class BooleanColumn(string name) : ParquetColumn(new DataField<bool>(name, false))
{
    bool[] _values = [];
    public void Set(int row, bool value) => _values[row] = value;
    internal override void Allocate(int capacity) => _values = new bool[capacity];
    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<bool>(_values, 0, count), null, null, ct);
}
