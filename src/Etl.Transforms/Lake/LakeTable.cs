using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// A table of the lake: its folder under <c>lake/</c> (<c>&lt;folder&gt;/source=&lt;id&gt;/[year=&lt;y&gt;/]part-*.parquet</c>) and
/// its columns. In the warehouse it is the view <c>lake.&lt;name&gt;</c>.
/// </summary>
public sealed record LakeTable(string Name, string Folder, bool ByYear, Func<ParquetColumn[]> Columns)
{
    public const string Schema = "lake";

    public string Relation => $"{Schema}.{Name}";

    /// <summary>The files of the table, relative to <c>lake/</c>.</summary>
    public string Glob => $"{Folder}/{(ByYear ? "*/*/*.parquet" : "*/*.parquet")}";
}
