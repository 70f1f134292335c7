using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>The columns of <c>census_units</c>, in file order.</summary>
public sealed class CensusUnitColumns(string extractId) : ILakeColumns<CensusUnit>
{
    public const string TableName = "census_units";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new CensusUnitColumns("").All);

    public readonly Int32Column CensusYear = new("census_year");
    public readonly StringColumn StateKey = new("state_key", false);
    public readonly StringColumn StateName = new("state_name", false);
    public readonly StringColumn MunicipalityKey = new("municipality_key", true);
    public readonly StringColumn MunicipalityName = new("municipality_name", true);
    public readonly StringColumn AreaLevel = new("area_level", false);
    public readonly StringColumn SizeStratum = new("size_stratum", true);
    public readonly StringColumn ScianCode = new("scian_code", true);
    public readonly StringColumn ScianLevel = new("scian_level", true);
    public readonly StringColumn ActivityLabel = new("activity_label", false);
    public readonly BooleanColumn IsTotal = new("is_total");
    public readonly NullableInt64Column Units = new("units");
    public readonly NullableInt64Column Employment = new("employment");
    public readonly NullableDoubleColumn GrossProduction = new("gross_production_mxn_m");
    public readonly NullableDoubleColumn ValueAdded = new("value_added_mxn_m");
    public readonly BooleanColumn Suppressed = new("suppressed");
    public readonly StringColumn SuppressedColumns = new("suppressed_columns", true);
    public readonly StringColumn ExtractId = new("extract_id", false);

    public ParquetColumn[] All =>
    [
        CensusYear, StateKey, StateName, MunicipalityKey, MunicipalityName, AreaLevel, SizeStratum, ScianCode, ScianLevel,
        ActivityLabel, IsTotal, Units, Employment, GrossProduction, ValueAdded, Suppressed, SuppressedColumns, ExtractId,
    ];

    public void Set(int i, in CensusUnit u)
    {
        CensusYear.Set(i, u.CensusYear);
        StateKey.Set(i, u.StateKey);
        StateName.Set(i, u.StateName);
        MunicipalityKey.Set(i, u.MunicipalityKey);
        MunicipalityName.Set(i, u.MunicipalityName);
        AreaLevel.Set(i, u.AreaLevel);
        SizeStratum.Set(i, u.SizeStratum);
        ScianCode.Set(i, u.ScianCode);
        ScianLevel.Set(i, u.ScianLevel);
        ActivityLabel.Set(i, u.ActivityLabel);
        IsTotal.Set(i, u.IsTotal);
        Units.Set(i, u.Units);
        Employment.Set(i, u.Employment);
        GrossProduction.Set(i, u.GrossProduction);
        ValueAdded.Set(i, u.ValueAdded);
        Suppressed.Set(i, u.Suppressed);
        SuppressedColumns.Set(i, u.SuppressedColumns);
        ExtractId.Set(i, extractId);
    }
}
