namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>What became of one Comtrade record.</summary>
public enum ComtradeOutcome { Row, Skipped, Quarantined }
