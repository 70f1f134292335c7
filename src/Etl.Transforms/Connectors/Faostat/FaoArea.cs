namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>An area as the file codes it, resolved through the country reference.</summary>
/// <param name="Entity">The reference entity (BLX, CHN351 …), null for an aggregate the reference does not list.</param>
/// <param name="Iso3">ISO3, null for aggregates (World, regions, FAO 351 China).</param>
public sealed record FaoArea(int? CodeFao, string? CodeM49, string Name, string? Entity, string? Iso3, bool IsAggregate);
