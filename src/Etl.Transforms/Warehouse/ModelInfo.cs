namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// A model of a build as <c>meta.models</c> and DuckDB's catalogue describe it: how it is stored, what it reads, its rows,
/// what the build recomputed and changed, the hash of its method (query and config), its description and columns, and its
/// year column with how many years back a year's rows read (<c>partition_by</c>, <c>lookback_years</c> resolved to a number).
/// </summary>
public sealed record ModelInfo(string Model, string Materialized, IReadOnlyList<string> DependsOn, long? Rows, string Recomputed,
    string Changed, string MethodVersion, string Description, IReadOnlyList<ModelColumn> Columns, string? PartitionBy = null,
    int LookbackYears = 0)
{
    /// <summary>The schema (layer): staging, intermediate, marts.</summary>
    public string Schema => Model[..Model.IndexOf('.')];

    /// <summary>The name without the schema.</summary>
    public string Name => Model[(Model.IndexOf('.') + 1)..];
}
