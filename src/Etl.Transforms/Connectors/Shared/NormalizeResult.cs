using ClusterEtl.Transforms.Lake;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>What normalizing one source produced.</summary>
/// <param name="Vintage">The classification vintage of the products, where the source has one (HS92 …), else "".</param>
/// <param name="OutsideYears">Rows skipped because a backfill asked for other years only.</param>
/// <param name="DuplicatesDropped">Exact copies of a row already read, dropped (see <see cref="TradeFlowDuplicates"/>).</param>
public sealed record NormalizeResult(long Rows, long Quarantined, IReadOnlyList<int> Years, string Vintage, IReadOnlyList<string> Files,
    long OutsideYears = 0, long DuplicatesDropped = 0);
