using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Connectors.Baci;

namespace ClusterEtl.Tests.Normalize;

public sealed class BaciNumbersTests
{
    [Fact]
    public void Decimals_read_on_the_fast_path_equal_the_general_parser_bit_for_bit()
    {
        var random = new Random(42);
        for (var n = 0; n < 200_000; n++)
        {
            var whole = random.NextInt64(0, 10_000_000_000L).ToString("D10", CultureInfo.InvariantCulture)[..random.Next(1, 11)];
            var fraction = random.Next(4) == 0 ? "" : "." + random.NextInt64(0, 1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture)[..random.Next(1, 13)];
            var text = whole + fraction;
            if (!BaciNumbers.TryDecimal(Encoding.ASCII.GetBytes(text), out var fast))
            {
                Assert.True(text.Count(char.IsDigit) > 15, text);
                continue;
            }
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(fast));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("-1.5")]
    [InlineData("1e3")]
    [InlineData("NA")]
    [InlineData("1234567890123456")]
    public void Anything_but_plain_digits_and_a_point_is_left_to_the_general_parser(string text) =>
        Assert.False(BaciNumbers.TryDecimal(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("030212", 30212)]
    [InlineData("2019", 2019)]
    [InlineData("0", 0)]
    public void Digits_read_as_a_number(string text, int expected)
    {
        Assert.True(BaciNumbers.TryDigits(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData("12a")]
    [InlineData("1234567890")]
    public void Other_integers_are_left_to_the_general_parser(string text) =>
        Assert.False(BaciNumbers.TryDigits(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Fields_read_in_place_equal_trimming_them_and_reading_them_alone()
    {
        var random = new Random(7);
        // No comma in a field: the scanner's tests cover how fields are split.
        var alphabet = "0123456789.  N+-e\t";
        var read = 0;
        for (var n = 0; n < 300_000; n++)
        {
            // Mostly plausible fields (padded numbers), some noise; then a comma, or the end of the line.
            var body = random.Next(3) == 0
                ? new string(Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())
                : new string(' ', random.Next(3)) + random.NextInt64(0, 100_000_000_000L).ToString("D11", CultureInfo.InvariantCulture)[..random.Next(1, 12)] +
                  (random.Next(2) == 0 ? "." + random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture) : "") + new string(' ', random.Next(3));
            var last = random.Next(2) == 0;
            var line = Encoding.ASCII.GetBytes("7," + body + (last ? "" : ",9"));
            var field = Encoding.ASCII.GetBytes(body.Trim(' '));

            var p = 2;
            var expectDecimal = BaciNumbers.TryDecimal(field, out var d);
            Assert.True(expectDecimal == BaciNumbers.TryDecimalField(line, ref p, last, out var fd), $"'{body}' last {last}");
            if (expectDecimal)
            {
                read++;
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(fd));
                Assert.Equal(last ? line.Length : line.Length - 1, p);
            }
            else Assert.Equal(2, p);

            p = 2;
            var expectDigits = BaciNumbers.TryDigits(field, out var i) && !last && field.Length <= 6;
            Assert.True(expectDigits == BaciNumbers.TryDigitsField(line, ref p, 6, out var fi), $"'{body}' last {last}");
            if (expectDigits)
            {
                Assert.Equal(i, fi);
                Assert.Equal(line.Length - 1, p);
            }
        }
        Assert.True(read > 100_000, $"{read} fields read");
    }
}
