using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Normalize.Inegi;

/// <summary>One observation of a BIE series as normalized (a row of <c>lake/normalized/indicator_series</c>).</summary>
/// <param name="Period">As published: 2024/07 (month), 2024/02 (quarter), 2024 (year).</param>
/// <param name="PeriodStart">First day of the period, yyyy-MM-dd.</param>
/// <param name="Value">Null when OBS_VALUE is empty (missing, not zero).</param>
public sealed record BieObservation(
    string IndicatorId, string Area, string Frequency, string FrequencyCode, string Period, int Year, int? Month, int? Quarter,
    string PeriodStart, double? Value, string? ObsStatus, string? Unit, string? UnitMult, string? Topic, string? LastUpdate,
    string ExtractId);

/// <summary>The columns of <c>indicator_series</c>, in file order.</summary>
public sealed class BieSeriesColumns
{
    public const string TableName = "indicator_series";
    public static readonly NormalizedTable Table = new(TableName, ByYear: false, () => new BieSeriesColumns().All);

    public readonly StringColumn IndicatorId = new("indicator_id", false);
    public readonly StringColumn Area = new("area", false);
    public readonly StringColumn Frequency = new("frequency", false);
    public readonly StringColumn FrequencyCode = new("frequency_code", false);
    public readonly StringColumn Period = new("period", false);
    public readonly Int32Column Year = new("period_year");
    public readonly NullableInt32Column Month = new("period_month");
    public readonly NullableInt32Column Quarter = new("period_quarter");
    public readonly StringColumn PeriodStart = new("period_start", false);
    public readonly NullableDoubleColumn Value = new("value");
    public readonly StringColumn ObsStatus = new("obs_status", true);
    public readonly StringColumn Unit = new("unit", true);
    public readonly StringColumn UnitMult = new("unit_mult", true);
    public readonly StringColumn Topic = new("topic", true);
    public readonly StringColumn LastUpdate = new("last_update", true);
    public readonly StringColumn ExtractId = new("extract_id", false);

    public ParquetColumn[] All =>
    [
        IndicatorId, Area, Frequency, FrequencyCode, Period, Year, Month, Quarter, PeriodStart, Value, ObsStatus, Unit, UnitMult,
        Topic, LastUpdate, ExtractId,
    ];

    public void Set(int i, BieObservation o)
    {
        IndicatorId.Set(i, o.IndicatorId);
        Area.Set(i, o.Area);
        Frequency.Set(i, o.Frequency);
        FrequencyCode.Set(i, o.FrequencyCode);
        Period.Set(i, o.Period);
        Year.Set(i, o.Year);
        Month.Set(i, o.Month);
        Quarter.Set(i, o.Quarter);
        PeriodStart.Set(i, o.PeriodStart);
        Value.Set(i, o.Value);
        ObsStatus.Set(i, o.ObsStatus);
        Unit.Set(i, o.Unit);
        UnitMult.Set(i, o.UnitMult);
        Topic.Set(i, o.Topic);
        LastUpdate.Set(i, o.LastUpdate);
        ExtractId.Set(i, o.ExtractId);
    }
}
