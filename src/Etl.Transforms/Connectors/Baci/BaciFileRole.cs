namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>What a CSV inside a BACI release is, recognised from its header (never from its name alone).</summary>
public enum BaciFileRole { Data, CountryCodes, ProductCodes, Other }
