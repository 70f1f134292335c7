namespace ClusterEtl.Transforms.Lake;

/// <summary>A row that could not be normalized, with where it was and why.</summary>
/// <param name="Year">The row's year, when it could be read (for the per-year limit and the coverage mart).</param>
/// <param name="ReporterIso3">Its reporter (exporter), when it could be read and resolved.</param>
/// <param name="ProductCode">Its product code, when it could be read.</param>
/// <param name="ValueUsd">Its value in USD, or an estimate of it (a value split by unquoted thousand separators), when one
/// can be made: what the row's loss weighs.</param>
public sealed record QuarantinedRow(string File, long Line, string? Column, string Reason, string RawRecord,
    int? Year = null, string? ReporterIso3 = null, string? ProductCode = null, double? ValueUsd = null);
