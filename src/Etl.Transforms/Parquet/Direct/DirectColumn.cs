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
