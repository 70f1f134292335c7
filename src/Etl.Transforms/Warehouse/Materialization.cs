namespace ClusterEtl.Transforms.Warehouse;

/// <summary>How a model is stored: a table (computed at build time) or a view (computed when queried).</summary>
public enum Materialization { Table, View }
