namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>A field of a lake table that a user's column (or a constant) fills.</summary>
public sealed record TableField(string Name, TableFieldKind Kind, bool Required);
