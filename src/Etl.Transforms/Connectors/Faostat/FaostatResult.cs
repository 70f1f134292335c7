namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>What a FAOSTAT normalization did.</summary>
/// <param name="Duplicates">Exact duplicate observations dropped (old releases repeat lines).</param>
/// <param name="UnknownItems">Items kept that <c>fao_items.csv</c> does not list: "code (name)" → rows.</param>
public sealed record FaostatResult(long Observations, long TradeMatrixRows, long Quarantined, long Duplicates, long OutsideYears,
    IReadOnlyList<int> Years, IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Encodings,
    IReadOnlyDictionary<string, long> UnknownItems, long UnknownFlags);
