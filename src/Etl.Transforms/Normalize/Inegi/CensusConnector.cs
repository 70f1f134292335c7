using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Normalize.Inegi;

/// <summary>Options of a Censos Económicos (SAIC export) source.</summary>
/// <param name="Encoding">"windows-1252", "latin-1" or "utf-8" to force one; null detects.</param>
public sealed record CensusOptions(string? Encoding);

/// <summary>
/// Source kind <c>inegi_census</c>: a Censos Económicos export from SAIC into <c>census_units</c>. The table is
/// not partitioned by year: a SAIC export is one query over a few census years (every five years), replaced whole.
/// </summary>
public sealed class InegiCensusConnector : ISourceConnector
{
    public string Kind => "inegi_census";
    public string Version => CensusNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [CensusUnitColumns.Table];
    public IReadOnlyList<string> ReferenceFiles { get; } = [Reference.MexicoReference.GeoFile]; // state keys are checked against it

    public object? ReadOptions(JsonFields? options, string pipelinesDir)
    {
        options?.RejectUnknown("encoding");
        return new CensusOptions(InegiText.FromOption(options)?.WebName);
    }

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new CensusNormalizer().NormalizeAsync(context, ct);
}
