namespace ClusterEtl.Transforms.Reference;

/// <summary>A SCIAN activity and its parent, so a 3- or 4-digit code selects its children.</summary>
public sealed record ScianCode(string Code, string TitleEs, string? ParentCode, string? Note);
