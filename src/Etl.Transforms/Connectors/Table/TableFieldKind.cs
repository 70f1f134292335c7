namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>What a field of a user's table holds, and so how its text is read.</summary>
public enum TableFieldKind
{
    /// <summary>Kept as written (trimmed).</summary>
    Text,
    /// <summary>A country or territory: ISO3 code, or its name in English or Spanish (countries.csv).</summary>
    Country,
    /// <summary>A calendar year.</summary>
    Year,
    /// <summary>A month, 1-12.</summary>
    Month,
    /// <summary>A number ("1,234.5" and "1234.5" read alike).</summary>
    Number,
}
