namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>Options of a FAOSTAT source.</summary>
/// <param name="Domain">The domain (QCL, PP, TCL, TM …) of files that neither carry a Domain Code column nor have a bulk
/// file name; null to tell it from the files.</param>
public sealed record FaostatOptions(string? Domain);
