namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Every table of the lake: those the connectors write (under <c>normalized/</c>) and the quarantine. The connectors'
/// registry builds it (<c>SourceConnectors.Lake</c>); the warehouse and the partition scan take it from the stage that
/// runs them, so they never depend on the connectors.
/// </summary>
public sealed class LakeCatalog(IEnumerable<NormalizedTable> normalized)
{
    public IReadOnlyList<LakeTable> Tables { get; } =
        normalized.Select(t => new LakeTable(t.Name, $"normalized/{t.Name}", t.ByYear, t.Columns))
            .Append(new LakeTable("quarantine", "quarantine", false, QuarantineWriter.Columns))
            .ToList();
}
