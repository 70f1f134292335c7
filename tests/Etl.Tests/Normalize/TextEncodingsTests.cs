using System.Text;
using ClusterEtl.Transforms.Connectors.Shared;

namespace ClusterEtl.Tests.Normalize;

/// <summary>The one encoding detector of the connectors: a BOM, else the whole file validated as UTF-8, else the publisher's legacy encoding.</summary>
public class TextEncodingsTests
{
    static Func<Stream> Bytes(byte[] b) => () => new MemoryStream(b);

    [Fact]
    public void A_Windows_1252_byte_after_two_megabytes_of_ASCII_is_found()
    {
        // INEGI's old detector looked at the first megabyte only: this file passed as UTF-8 and its ñ became U+FFFD.
        var ascii = Encoding.ASCII.GetBytes(new string('a', 2 << 20));
        var tail = TextEncodings.Windows1252.Encoding.GetBytes("Jalapeño “norte”");   // ñ = 0xF1, “ = 0x93, ” = 0x94
        var file = ascii.Concat(tail).ToArray();

        var detected = TextEncodings.Detect(Bytes(file), TextEncodings.Windows1252);

        Assert.Equal("windows-1252", detected.Name);
        using var reader = new StreamReader(TextEncodings.OpenUtf8(Bytes(file), detected), Encoding.UTF8);
        Assert.EndsWith("Jalapeño “norte”", reader.ReadToEnd());
    }

    [Fact]
    public void Without_a_legacy_encoding_a_file_that_is_not_UTF_8_is_Latin_1()
    {
        var file = Encoding.Latin1.GetBytes("Côte d'Ivoire");          // ô = 0xF4: not valid UTF-8 on its own
        Assert.Equal("latin-1", TextEncodings.Detect(Bytes(file)).Name);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, "utf-8-bom")]
    [InlineData(new byte[] { 0x61, 0xC3, 0xB1 }, "utf-8")]          // "añ" in UTF-8
    [InlineData(new byte[] { 0x61, 0xC3 }, "windows-1252")]          // ends inside a two-byte sequence
    [InlineData(new byte[] { }, "utf-8")]
    public void BOM_valid_UTF_8_and_a_cut_sequence(byte[] file, string expected) =>
        Assert.Equal(expected, TextEncodings.Detect(Bytes(file), TextEncodings.Windows1252).Name);

    [Fact]
    public void An_encoding_option_names_one_of_four_and_anything_else_is_refused()
    {
        Assert.Equal(TextEncodings.Windows1252, TextEncodings.ByName("windows-1252"));
        Assert.Throws<ArgumentException>(() => TextEncodings.ByName("ebcdic"));
    }
}
