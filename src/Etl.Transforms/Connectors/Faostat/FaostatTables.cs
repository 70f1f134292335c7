using ClusterEtl.Transforms.Lake;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>The two FAOSTAT lake tables.</summary>
public static class FaostatTables
{
    public const string Observations = "fao_observations";
    public const string TradeMatrix = "fao_trade_matrix";

    public static readonly NormalizedTable ObservationsTable = new(Observations, ByYear: true, () => new FaoObservationColumns("").All);
    public static readonly NormalizedTable TradeMatrixTable = new(TradeMatrix, ByYear: true, () => new FaoTradeMatrixColumns("").All);
}
