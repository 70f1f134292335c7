using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>
/// Source kind <c>inegi_census</c>: a Censos Económicos export from SAIC into <c>census_units</c>. The table is
/// not partitioned by year: a SAIC export is one query over a few census years (every five years), replaced whole.
/// </summary>
public sealed class InegiCensusConnector : ISourceConnector
{
    public string Kind => "inegi_census";
    public string Version => CensusNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [CensusUnitColumns.Table];
    public IReadOnlyList<string> ReferenceFiles { get; } = [MexicoReference.GeoFile]; // state keys are checked against it

    public object? ReadOptions(JsonFields? options, string pipelinesDir) => InegiCsvOptions.Read(options);

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new CensusNormalizer().NormalizeAsync(context, ct);
}
