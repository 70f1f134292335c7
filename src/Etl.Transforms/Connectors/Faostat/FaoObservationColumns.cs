using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

public sealed class FaoObservationColumns(string extractId) : ILakeColumns<FaoObservation>
{
    readonly StringColumn _domain = new("domain", false);
    readonly AreaColumns _area = new("area_", "area");
    readonly MeasureColumns _measure = new(extractId);

    public ParquetColumn[] All => [_domain, .. _area.All, .. _measure.ItemColumns, .. _measure.OtherColumns];

    public void Set(int i, in FaoObservation row)
    {
        _domain.Set(i, row.Measure.Domain);
        _area.Set(i, row.Area);
        _measure.Set(i, row.Measure);
    }
}
