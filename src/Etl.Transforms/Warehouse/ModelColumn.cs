namespace ClusterEtl.Transforms.Warehouse;

/// <summary>A column of a model: name, DuckDB type, its <c>COMMENT ON</c> text, and its unit (<see cref="ColumnUnits"/>).</summary>
public sealed record ModelColumn(string Name, string Type, string Description, string? Unit);
