using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors.Inegi;

/// <summary>The options of an INEGI CSV source (DENUE, a Censos Económicos export): only the encoding.</summary>
/// <param name="Encoding">"windows-1252", "latin-1" or "utf-8" to force one; null detects (BOM, valid UTF-8, else Windows-1252).</param>
public sealed record InegiCsvOptions(string? Encoding)
{
    public static InegiCsvOptions Read(JsonFields? options)
    {
        options?.RejectUnknown("encoding");
        return new InegiCsvOptions(TextEncodings.FromOption(options)?.Name);
    }

    /// <summary>The encoding to read a file in: the forced one, else the detected one (INEGI's legacy encoding is Windows-1252).</summary>
    public DetectedEncoding EncodingOf(Func<Stream> open) =>
        Encoding is { } forced ? TextEncodings.ByName(forced) : TextEncodings.Detect(open, TextEncodings.Windows1252);
}
