namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// One row of <c>pipelines/reference/countries.csv</c>: a country, territory, former entity, residual
/// partner or aggregate, with its code in every system the sources use and the years it is valid.
/// </summary>
public sealed record Country(
    string Entity,
    string? Iso3,
    string? Iso2,
    string? M49,
    int? FaoCode,
    int? ComtradeCode,
    int? BaciCode,
    string NameEn,
    string NameEs,
    int? ValidFrom,
    int? ValidTo,
    string Kind,
    string? Note)
{
    public static readonly string[] Kinds = ["country", "territory", "former", "residual", "aggregate"];

    public bool IsAggregate => Kind == "aggregate";
    public bool IsCurrent => Kind is "country" or "territory" && ValidTo is null;
    public bool ValidIn(int year) => (ValidFrom is null || year >= ValidFrom) && (ValidTo is null || year <= ValidTo);
}
