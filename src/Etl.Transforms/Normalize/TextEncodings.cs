using System.Text;

namespace ClusterEtl.Transforms.Normalize;

/// <summary>
/// Decides how a text file is encoded before it is parsed: a UTF-8 byte-order mark, or bytes that are valid
/// UTF-8 throughout, mean UTF-8; anything else is read as Latin-1 (ISO-8859-1, as Comtrade and FAOSTAT
/// publish), so "Côte d'Ivoire" never turns into mojibake whatever the file claims to be.
/// </summary>
public static class TextEncodings
{
    public static Encoding Detect(string path)
    {
        using var s = File.OpenRead(path);
        return Detect(s);
    }

    /// <summary>Reads the stream to its end (it is not rewound).</summary>
    public static Encoding Detect(Stream s)
    {
        var buffer = new byte[1 << 16];
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[buffer.Length + 4];
        var first = true;
        int n;
        try
        {
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (first && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) return Encoding.UTF8;
                first = false;
                decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            }
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
        return Encoding.UTF8;
    }

    /// <summary>The file as a UTF-8 stream (transcoded from Latin-1 when that is its encoding).</summary>
    public static Stream OpenAsUtf8(string path, Encoding encoding)
    {
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return encoding.CodePage == Encoding.UTF8.CodePage ? s : Encoding.CreateTranscodingStream(s, encoding, Encoding.UTF8);
    }
}
