namespace ClusterEtl.Transforms.Warehouse;

/// <summary>A data test: <c>sql/checks/&lt;name&gt;.sql</c> is a query that returns the rows that break a rule.</summary>
public sealed record SqlCheck(string Name, string File, string Sql);
