using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>A table's columns, and how a row fills them.</summary>
public interface IFaoColumns<TRow>
{
    ParquetColumn[] All { get; }
    void Set(int i, in TRow row);
}
