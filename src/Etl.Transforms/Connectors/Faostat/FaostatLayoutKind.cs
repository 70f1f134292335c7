namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>What a FAOSTAT CSV is, recognised from its header (never from its name).</summary>
public enum FaostatLayoutKind
{
    /// <summary>Bulk <c>*_E_All_Data_(Normalized).csv</c>: a row per observation, no Domain Code column.</summary>
    Normalized,
    /// <summary>Web download <c>FAOSTAT_data_en_*.csv</c>: a row per observation with Domain Code and Flag Description.</summary>
    Web,
    /// <summary>Bulk wide <c>*_E_All_Data.csv</c>: a value (Y####) and a flag (Y####F) column per year.</summary>
    Wide,
    /// <summary>Bulk wide without flags (<c>*_NOFLAG.csv</c>): used only when no other copy of the data is there.</summary>
    WideNoFlag,
    /// <summary>Detailed Trade Matrix (TM): reporter and partner columns, bulk or web.</summary>
    TradeMatrix,
    /// <summary>Flags sidecar (<c>"Flag","Description"</c>).</summary>
    Flags,
    /// <summary>Area, item or element code lists shipped beside the data: not read.</summary>
    Sidecar,
    Unknown,
}
