namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>An employment size band of DENUE (<c>per_ocu</c>) and the bounds it stands for.</summary>
/// <param name="Label">As published, e.g. "11 a 30 personas".</param>
/// <param name="High">Upper bound; null for the open top band "251 y más personas".</param>
/// <param name="Mid">Midpoint (Low + High) / 2; for the open top band 1.5 × its lower bound (376.5), a convention.</param>
public sealed record DenueSizeBand(string Label, int Low, int? High, double Mid);
