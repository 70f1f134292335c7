using System.Text;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// The one encoding detector of the connectors. A UTF-8 byte order mark wins; otherwise the whole file is validated as
/// UTF-8 (streamed, so any size, and a stray byte deep in a file is not missed); a file that is not valid UTF-8 is in the
/// publisher's legacy encoding: Latin-1 for Comtrade and FAOSTAT's older bulk files ("Côte d'Ivoire", "Curaçao"),
/// Windows-1252 for INEGI (Latin-1 plus the typographic characters of 0x80-0x9F). Pure ASCII is UTF-8.
/// </summary>
public static class TextEncodings
{
    public static readonly DetectedEncoding Utf8Bom = new("utf-8-bom", new UTF8Encoding(false));
    public static readonly DetectedEncoding Utf8 = new("utf-8", new UTF8Encoding(false));
    public static readonly DetectedEncoding Latin1 = new("latin-1", Encoding.Latin1);
    public static readonly DetectedEncoding Windows1252 = new("windows-1252", GetWindows1252());

    static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <param name="legacy">What a file that is not UTF-8 is taken to be (<see cref="Latin1"/> unless the publisher says otherwise).</param>
    public static DetectedEncoding Detect(Func<Stream> open, DetectedEncoding? legacy = null)
    {
        legacy ??= Latin1;
        using var s = open();
        var buffer = new byte[1 << 16];
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[buffer.Length + 4];
        var first = true;
        int n;
        while ((n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            if (first && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) return Utf8Bom;
            first = false;
            try
            {
                decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return legacy;
            }
            if (n < buffer.Length) break;
        }
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return legacy; // the file ends inside a multi-byte sequence
        }
        return Utf8;
    }

    /// <summary>The file as UTF-8 bytes for the CSV reader: another encoding is transcoded while reading.</summary>
    public static Stream OpenUtf8(Func<Stream> open, DetectedEncoding encoding)
    {
        var s = open();
        return encoding.IsUtf8 ? s : Encoding.CreateTranscodingStream(s, encoding.Encoding, Encoding.UTF8, leaveOpen: false);
    }

    /// <summary>The encodings a source's <c>encoding</c> option may name; "auto" (null) detects.</summary>
    public static readonly string[] OptionNames = ["auto", "utf-8", "windows-1252", "latin-1"];

    /// <summary>The encoding a source's <c>encoding</c> option names, null for automatic detection.</summary>
    public static DetectedEncoding? FromOption(JsonFields? options)
    {
        var name = options?.OptionalString("encoding")?.ToLowerInvariant();
        return name switch
        {
            null or "auto" => null,
            "utf-8" or "utf8" => Utf8,
            "windows-1252" or "cp1252" => Windows1252,
            "latin-1" or "latin1" or "iso-8859-1" => Latin1,
            _ => throw options!.Error("encoding", $"'{name}' is not a supported encoding (one of {string.Join(", ", OptionNames)})"),
        };
    }

    /// <summary>An encoding by the name an options record keeps (<see cref="DetectedEncoding.Name"/>).</summary>
    public static DetectedEncoding ByName(string name) =>
        new[] { Utf8Bom, Utf8, Latin1, Windows1252 }.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"unknown encoding '{name}'", nameof(name));
}
