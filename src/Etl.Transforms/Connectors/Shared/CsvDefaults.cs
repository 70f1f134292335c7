using System.Globalization;
using System.Text;
using CsvHelper;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>How the connectors read a published CSV: the one set of reader options (see <see cref="TextEncodings"/> for the bytes).</summary>
public static class CsvDefaults
{
    /// <summary>Comma-separated, header first, padding trimmed, invariant numbers, line numbers tracked for error
    /// messages, stray quotes recovered, header names compared without BOM, quotes or case.</summary>
    public static readonly CsvReaderOptions Options = Create();

    /// <param name="hasHeader">Whether the first record is the header (INEGI's census exports have title rows first).</param>
    /// <param name="transcodeFrom">The file's encoding when it is not UTF-8: CsvHelper transcodes while reading.</param>
    /// <param name="caseSensitiveHeader">Keep the case of header names (Comtrade's camelCase field names).</param>
    public static CsvReaderOptions Create(bool hasHeader = true, Encoding? transcodeFrom = null, bool caseSensitiveHeader = false) => new()
    {
        Separator = ',',
        HasHeader = hasHeader,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        FormatProvider = CultureInfo.InvariantCulture,
        MalformedData = CsvMalformedDataHandling.Recover,
        Encoding = transcodeFrom is null || transcodeFrom.CodePage == Encoding.UTF8.CodePage ? null : transcodeFrom,
        NormalizeHeaderName = caseSensitiveHeader ? n => n.Trim('\uFEFF', ' ', '"') : NormalizeName,
    };

    /// <summary>Opens a CSV reader over a file in <paramref name="encoding"/>, transcoded to UTF-8 while reading.</summary>
    public static CsvReader Open(Func<Stream> open, bool hasHeader, DetectedEncoding encoding) =>
        CsvReader.Create(open(), Create(hasHeader, encoding.IsUtf8 ? null : encoding.Encoding), leaveOpen: false);

    /// <summary>A header name as compared: without BOM, quotes or surrounding spaces, lower case.</summary>
    public static string NormalizeName(string name) => name.Trim('\uFEFF', ' ', '"').ToLowerInvariant();

    /// <summary>The current record as it appears in the file, for quarantine (CsvHelper gives it as UTF-8).</summary>
    public static string RawRecord(CsvReader csv) => Encoding.UTF8.GetString(csv.RawRecord);
}
