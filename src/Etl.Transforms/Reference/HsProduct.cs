namespace ClusterEtl.Transforms.Reference;

/// <summary>An HS code of one vintage (2, 4 or 6 digits) with its description.</summary>
public sealed record HsProduct(string HsVintage, string Code, string Description);
