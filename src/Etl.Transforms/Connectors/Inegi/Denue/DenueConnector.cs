using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>Source kind <c>denue</c>: INEGI's business register (DENUE) into <c>establishments</c>.</summary>
public sealed class DenueConnector : ISourceConnector
{
    public string Kind => "denue";
    public string Version => DenueNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [DenueEstablishmentColumns.Table];
    public IReadOnlyList<string> ReferenceFiles { get; } = [MexicoReference.GeoFile]; // state keys are checked against it

    public object? ReadOptions(JsonFields? options, string pipelinesDir) => InegiCsvOptions.Read(options);

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new DenueNormalizer().NormalizeAsync(context, ct);
}
