using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

public sealed class FaoTradeMatrixColumns(string extractId) : ILakeColumns<FaoTradeMatrixRow>
{
    readonly StringColumn _domain = new("domain", false);
    readonly AreaColumns _reporter = new("reporter_", "reporter");
    readonly AreaColumns _partner = new("partner_", "partner");
    readonly MeasureColumns _measure = new(extractId);

    public ParquetColumn[] All => [_domain, .. _reporter.All, .. _partner.All, .. _measure.ItemColumns, .. _measure.OtherColumns];

    public void Set(int i, in FaoTradeMatrixRow row)
    {
        _domain.Set(i, row.Measure.Domain);
        _reporter.Set(i, row.Reporter);
        _partner.Set(i, row.Partner);
        _measure.Set(i, row.Measure);
    }
}
