using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Lake;

/// <summary>The columns of a lake table, and how one row fills them.</summary>
public interface ILakeColumns<TRow>
{
    ParquetColumn[] All { get; }

    void Set(int i, in TRow row);
}
