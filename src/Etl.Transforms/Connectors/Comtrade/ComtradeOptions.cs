namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>Options of a <c>comtrade</c> source: none for a file or folder; <see cref="Api"/> to query the API.</summary>
public sealed record ComtradeOptions(ComtradeApiRequest? Api);
