namespace ClusterEtl.Transforms.Parquet.Direct;

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
