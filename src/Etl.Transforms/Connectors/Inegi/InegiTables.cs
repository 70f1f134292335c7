using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Inegi;

/// <summary>Where an INEGI source writes a table: one file, <c>&lt;table&gt;/source=&lt;id&gt;/part-0.parquet</c> (no year partitions).</summary>
public static class InegiTables
{
    public const int RowGroupSize = 65_536;

    public static Task<ParquetTableWriter> CreateAsync(string outputRoot, string table, string sourceId, ParquetColumn[] columns,
        CancellationToken ct) =>
        ParquetTableWriter.CreateAsync(Path.Combine(outputRoot, table, $"source={sourceId}", "part-0.parquet"), columns, RowGroupSize, ct);
}
