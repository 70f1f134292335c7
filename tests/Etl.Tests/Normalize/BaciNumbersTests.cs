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
}
