namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>One row of <c>fao_trade_matrix</c>.</summary>
public readonly record struct FaoTradeMatrixRow(FaoArea Reporter, FaoArea Partner, FaoMeasure Measure);
