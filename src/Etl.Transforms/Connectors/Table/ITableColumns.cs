using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>The columns of one lake table a <c>table</c> source fills, set from a row read.</summary>
public interface ITableColumns
{
    ParquetColumn[] All { get; }
    void Set(int i, TableRecord record, string extractId);
}
