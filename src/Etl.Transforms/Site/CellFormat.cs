namespace ClusterEtl.Transforms.Site;

/// <summary>How a value is written in a table of the site.</summary>
public enum CellFormat
{
    /// <summary>Text as it is, aligned left.</summary>
    Text,
    /// <summary>Already HTML (a link): written as it is, aligned left.</summary>
    Html,
    /// <summary>A whole number with thousands separators.</summary>
    Integer,
    /// <summary>A year or code: digits only.</summary>
    Plain,
    /// <summary>USD shown in millions, one decimal.</summary>
    MillionUsd,
    /// <summary>A share in [0, 1] shown as a percentage, one decimal.</summary>
    Percent,
    /// <summary>Two decimals.</summary>
    Decimal2,
    /// <summary>Three decimals.</summary>
    Decimal3,
    /// <summary>No decimals, thousands separators.</summary>
    Decimal0,
}
