namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>What one API answer holds: series, or an error list (<c>ErrorCode:100</c> is "no data").</summary>
public sealed record BieAnswer(IReadOnlyList<BieRawSeries> Series, string? ErrorCode, string? ErrorInfo)
{
    public bool IsNoData => ErrorCode == "100";
}
