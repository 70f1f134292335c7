using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Normalize.Inegi;

/// <summary>Options of a DENUE source.</summary>
/// <param name="Encoding">"windows-1252", "latin-1" or "utf-8" to force one; null detects (BOM, valid UTF-8, else Windows-1252).</param>
public sealed record DenueOptions(string? Encoding);

/// <summary>Source kind <c>denue</c>: INEGI's business register (DENUE) into <c>establishments</c>.</summary>
public sealed class DenueConnector : ISourceConnector
{
    public string Kind => "denue";
    public string Version => DenueNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [DenueEstablishmentColumns.Table];
    public IReadOnlyList<string> ReferenceFiles { get; } = [Reference.MexicoReference.GeoFile]; // state keys are checked against it

    public object? ReadOptions(JsonFields? options, string pipelinesDir)
    {
        options?.RejectUnknown("encoding");
        return new DenueOptions(InegiText.FromOption(options)?.WebName);
    }

    public Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct) =>
        new DenueNormalizer().NormalizeAsync(context, ct);
}
