using ClusterEtl.Transforms.Lake;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>What reading the data files of a BACI release gave: flows written, their years, rows left out, quarantine, tallies.</summary>
public sealed record BaciReadResult(long Rows, IReadOnlyList<int> Years, long Outside, QuarantineWriter Quarantine, BaciTally Tally);
