using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Lake;

/// <summary>A lake table: <c>lake/normalized/&lt;Name&gt;/source=&lt;id&gt;/[year=&lt;y&gt;/]part-*.parquet</c>.</summary>
/// <param name="ByYear">Partitioned by year under the source (a backfill replaces single years).</param>
/// <param name="Columns">A fresh set of the table's columns; defines the schema of an empty table.</param>
public sealed record NormalizedTable(string Name, bool ByYear, Func<ParquetColumn[]> Columns)
{
    /// <summary>A glob matching every file of the table under the normalized folder.</summary>
    public string Glob(string normalizedDir) =>
        Path.Combine(normalizedDir, Name, ByYear ? "*/*/*.parquet" : "*/*.parquet").Replace('\\', '/');
}
