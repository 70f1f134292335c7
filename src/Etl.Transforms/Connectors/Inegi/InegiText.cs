using System.Globalization;
using System.Text;
using CsvHelper;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors.Inegi;

/// <summary>
/// The text of INEGI's CSV downloads: DENUE and SAIC files are Windows-1252 (Latin-1 plus the typographic
/// characters of 0x80-0x9F); newer ones may be UTF-8. The encoding is detected from a byte order mark, else
/// from whether the first megabyte is valid UTF-8, and the file is transcoded to UTF-8 for CsvHelper.
/// </summary>
public static class InegiText
{
    const int Sniff = 1 << 20;

    /// <summary>Windows-1252, INEGI's encoding for CSV downloads.</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>UTF-8 (with or without BOM) or Windows-1252, from the first bytes of <paramref name="open"/>.</summary>
    public static Encoding Detect(Func<Stream> open)
    {
        using var s = open();
        var buffer = new byte[Sniff];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bytes = buffer.AsSpan(0, n);
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) return Encoding.UTF8;
        // A multi-byte character cut at the end of the sniffed block is not an error.
        var check = n == Sniff ? TrimPartialUtf8(bytes) : bytes;
        return System.Text.Unicode.Utf8.IsValid(check) ? Encoding.UTF8 : Windows1252;
    }

    static ReadOnlySpan<byte> TrimPartialUtf8(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var i = 0; i < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80; i++) end--;
        if (end > 0 && bytes[end - 1] >= 0xC0) end--;
        return bytes[..end];
    }

    /// <summary>An encoding by its web name (as an options record keeps it).</summary>
    public static Encoding ByName(string webName) =>
        webName == Windows1252.WebName ? Windows1252 : Encoding.GetEncoding(webName);

    /// <summary>The encodings a source's <c>encoding</c> option may name; "auto" (null) detects.</summary>
    public static readonly string[] EncodingNames = ["auto", "utf-8", "windows-1252", "latin-1"];

    /// <summary>The encoding an option names, null for automatic detection.</summary>
    public static Encoding? FromOption(Definitions.JsonFields? options)
    {
        var name = options?.OptionalString("encoding")?.ToLowerInvariant();
        return name switch
        {
            null or "auto" => null,
            "utf-8" or "utf8" => Encoding.UTF8,
            "windows-1252" or "cp1252" => Windows1252,
            "latin-1" or "latin1" or "iso-8859-1" => Encoding.Latin1,
            _ => throw options!.Error("encoding", $"'{name}' is not a supported encoding (one of {string.Join(", ", EncodingNames)})"),
        };
    }

    /// <summary>Opens a CSV reader over the file in <paramref name="forced"/>, or its detected encoding (UTF-8 BOM removed).</summary>
    public static CsvReader OpenCsv(Func<Stream> open, bool hasHeader, Encoding? forced, out Encoding encoding)
    {
        encoding = forced ?? Detect(open);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = hasHeader,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Recover,
            // null: UTF-8 with its byte order mark honoured; otherwise transcoded to UTF-8 while reading.
            Encoding = encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding,
            NormalizeHeaderName = NormalizeName,
        };
        return CsvReader.Create(open(), options, leaveOpen: false);
    }

    /// <summary>A header name as compared: without BOM, quotes or surrounding spaces, lower case.</summary>
    public static string NormalizeName(string name) => name.Trim('\uFEFF', ' ', '"').ToLowerInvariant();

    /// <summary>The record as it appears in the file, for quarantine (CsvHelper gives it as UTF-8).</summary>
    public static string Raw(CsvReader csv) => Encoding.UTF8.GetString(csv.RawRecord);

    /// <summary>Digits only, 1 to <paramref name="width"/> of them, padded back to the width (files re-saved
    /// by spreadsheets lose leading zeros: 6 for 06); null otherwise.</summary>
    public static string? Key(string text, int width)
    {
        var t = text.Trim();
        if (t.Length is 0 || t.Length > width || !t.All(char.IsAsciiDigit)) return null;
        return t.PadLeft(width, '0');
    }
}
