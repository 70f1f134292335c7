namespace ClusterEtl.Transforms.Warehouse;

/// <summary>What a build did with one model, and what changed in it (the run ledger and <c>meta.models</c>).</summary>
/// <param name="Rows">Rows of a table; null for a view (computed when queried).</param>
/// <param name="Rebuilt">What was computed: everything, some years, or nothing (its inputs did not change).</param>
/// <param name="Changed">What differs from the previous build after computing it.</param>
public sealed record ModelResult(string Model, string Materialized, long? Rows, double Seconds, string Rebuilt, string Changed);
