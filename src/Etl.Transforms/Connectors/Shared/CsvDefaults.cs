using System.Globalization;
using CsvHelper;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>How the connectors read a published CSV (UTF-8 bytes, see <see cref="TextEncodings"/>).</summary>
public static class CsvDefaults
{
    /// <summary>Comma-separated, header first, padding trimmed, invariant numbers, line numbers tracked for error
    /// messages, stray quotes recovered, header names compared without BOM, quotes or case.</summary>
    public static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        FormatProvider = CultureInfo.InvariantCulture,
        MalformedData = CsvMalformedDataHandling.Recover,
        NormalizeHeaderName = n => n.Trim('\uFEFF', ' ', '"').ToLowerInvariant(),
    };
}
