using System.Text;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>How a text file is encoded, told from its bytes (never from its name or an HTTP label).</summary>
/// <param name="Name">utf-8-bom, utf-8 or latin-1, as logged.</param>
public sealed record DetectedEncoding(string Name, Encoding Encoding)
{
    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;
}
