namespace ClusterEtl.Transforms.Reference;

/// <summary>An FAO item's code in another classification: CPC, or an HS code of a given vintage.</summary>
/// <param name="HsVintage">HS (FAOSTAT's "HS Code" column, older vintage), HS07 or HS12; null for the CPC row.</param>
public sealed record FaoItemCode(int ItemCode, string Item, string CpcCode, string? HsVintage, string? HsCode);
