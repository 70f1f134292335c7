using System.Text;

namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// Detects a file's encoding: a UTF-8 byte order mark wins; otherwise the whole file is validated as UTF-8
/// (streamed, so any size); a file that is not valid UTF-8 is Latin-1 (ISO-8859-1, as Comtrade and FAOSTAT's older
/// bulk files write "Côte d'Ivoire" and "Curaçao"). Pure ASCII is UTF-8.
/// </summary>
public static class TextEncodings
{
    public static readonly DetectedEncoding Utf8Bom = new("utf-8-bom", new UTF8Encoding(false));
    public static readonly DetectedEncoding Utf8 = new("utf-8", new UTF8Encoding(false));
    public static readonly DetectedEncoding Latin1 = new("latin-1", Encoding.Latin1);

    public static DetectedEncoding Detect(Func<Stream> open)
    {
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
                return Latin1;
            }
            if (n < buffer.Length) break;
        }
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return Latin1; // the file ends inside a multi-byte sequence
        }
        return Utf8;
    }

    /// <summary>The file as UTF-8 bytes for the CSV reader: Latin-1 is transcoded while reading.</summary>
    public static Stream OpenUtf8(Func<Stream> open, DetectedEncoding encoding)
    {
        var s = open();
        return encoding.IsUtf8 ? s : Encoding.CreateTranscodingStream(s, encoding.Encoding, Encoding.UTF8, leaveOpen: false);
    }
}
