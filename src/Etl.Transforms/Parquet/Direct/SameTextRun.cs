using System.Runtime.CompilerServices;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// <see cref="SameValueRun{T}"/> for text, written out for <c>string</c>: the generic struct over a reference type runs
/// as shared code that looks its type argument up at run time on every row (<c>typeof(T).IsValueType</c>), and a text
/// column is set for every row of every row group. Same behaviour: text compared by reference.
/// </summary>
internal struct SameTextRun
{
    int _rows;

    public string? Value { get; private set; }

    /// <summary>True when row <paramref name="row"/> (set in order from 0) extends the run and need not be stored; else
    /// the run's rows are now in <paramref name="buffer"/> and the caller stores this one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Absorb(int row, string? value, string?[] buffer)
    {
        if (row == 0)
        {
            Value = value;
            _rows = 1;
            return true;
        }
        if (_rows != row) return false;
        if (ReferenceEquals(value, Value))
        {
            _rows++;
            return true;
        }
        buffer.AsSpan(0, row).Fill(Value);
        return false;
    }

    /// <summary>Whether all of the first <paramref name="count"/> rows hold <see cref="Value"/>.</summary>
    public readonly bool Covers(int count) => _rows == count;
}
