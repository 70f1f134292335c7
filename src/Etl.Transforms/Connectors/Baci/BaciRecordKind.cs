namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>What became of one record of a BACI data file.</summary>
public enum BaciRecordKind : byte { Flow, Quarantined, OutsideYears }
