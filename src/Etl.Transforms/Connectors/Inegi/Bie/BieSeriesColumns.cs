using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>The columns of <c>indicator_series</c>, in file order.</summary>
public sealed class BieSeriesColumns : ILakeColumns<BieObservation>
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

    public void Set(int i, in BieObservation o)
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
