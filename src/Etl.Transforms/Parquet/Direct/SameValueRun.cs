namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// Whether the rows set so far in a row group all hold the value of row 0, so that a column stores nothing while
/// they do. When another value comes, the rows before it are written into the buffer and the column goes on as
/// usual. Text is compared by reference (callers pass cached instances): equal text in two instances only means
/// the rows get stored, which writes the same bytes.
/// </summary>
internal struct SameValueRun<T>
{
    int _rows;

    public T Value { get; private set; }

    /// <summary>True when row <paramref name="row"/> (set in order from 0) extends the run and need not be stored; else
    /// the run's rows are now in <paramref name="buffer"/> and the caller stores this one.</summary>
    public bool Absorb(int row, T value, T[] buffer)
    {
        if (row == 0)
        {
            Value = value;
            _rows = 1;
            return true;
        }
        if (_rows != row) return false;
        if (Same(value, Value))
        {
            _rows++;
            return true;
        }
        buffer.AsSpan(0, row).Fill(Value);
        return false;
    }

    /// <summary>Whether all of the first <paramref name="count"/> rows hold <see cref="Value"/>.</summary>
    public readonly bool Covers(int count) => _rows == count;

    static bool Same(T a, T b) =>
        typeof(T).IsValueType ? EqualityComparer<T>.Default.Equals(a, b) : ReferenceEquals(a, b);
}
