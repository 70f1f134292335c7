using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>The columns of <c>establishments</c>, in file order.</summary>
public sealed class DenueEstablishmentColumns(string extractId) : ILakeColumns<DenueEstablishment>
{
    public const string TableName = "establishments";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new DenueEstablishmentColumns("").All);

    public readonly Int64Column Id = new("id");
    public readonly StringColumn Clee = new("clee", true);
    public readonly StringColumn Name = new("name", false);
    public readonly StringColumn LegalName = new("legal_name", true);
    public readonly StringColumn ScianCode = new("scian_code", false);
    public readonly StringColumn ActivityName = new("activity_name", true);
    public readonly StringColumn EmploymentBand = new("employment_band", false);
    public readonly Int32Column EmploymentLow = new("employment_low");
    public readonly NullableInt32Column EmploymentHigh = new("employment_high");
    public readonly DoubleColumn EmploymentMid = new("employment_mid");
    public readonly StringColumn StateKey = new("state_key", false);
    public readonly StringColumn StateName = new("state_name", false);
    public readonly StringColumn MunicipalityKey = new("municipality_key", false);
    public readonly StringColumn MunicipalityName = new("municipality_name", false);
    public readonly StringColumn LocalityKey = new("locality_key", true);
    public readonly StringColumn LocalityName = new("locality_name", true);
    public readonly StringColumn UnitType = new("unit_type", true);
    public readonly NullableDoubleColumn Latitude = new("latitude");
    public readonly NullableDoubleColumn Longitude = new("longitude");
    public readonly StringColumn RegisteredMonth = new("registered_month", true);
    public readonly StringColumn ExtractId = new("extract_id", false);

    public ParquetColumn[] All =>
    [
        Id, Clee, Name, LegalName, ScianCode, ActivityName, EmploymentBand, EmploymentLow, EmploymentHigh, EmploymentMid,
        StateKey, StateName, MunicipalityKey, MunicipalityName, LocalityKey, LocalityName, UnitType, Latitude, Longitude,
        RegisteredMonth, ExtractId,
    ];

    public void Set(int i, in DenueEstablishment e)
    {
        Id.Set(i, e.Id);
        Clee.Set(i, e.Clee);
        Name.Set(i, e.Name);
        LegalName.Set(i, e.LegalName);
        ScianCode.Set(i, e.ScianCode);
        ActivityName.Set(i, e.ActivityName);
        EmploymentBand.Set(i, e.Band.Label);
        EmploymentLow.Set(i, e.Band.Low);
        EmploymentHigh.Set(i, e.Band.High);
        EmploymentMid.Set(i, e.Band.Mid);
        StateKey.Set(i, e.StateKey);
        StateName.Set(i, e.StateName);
        MunicipalityKey.Set(i, e.MunicipalityKey);
        MunicipalityName.Set(i, e.MunicipalityName);
        LocalityKey.Set(i, e.LocalityKey);
        LocalityName.Set(i, e.LocalityName);
        UnitType.Set(i, e.UnitType);
        Latitude.Set(i, e.Latitude);
        Longitude.Set(i, e.Longitude);
        RegisteredMonth.Set(i, e.RegisteredMonth);
        ExtractId.Set(i, extractId);
    }
}
