namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Fast paths for the numbers of a BACI file as they are published: plain digits, and decimals such as
/// <c>1234.567</c>. Anything else (signs, exponents, too many digits) returns false, and the caller parses it the
/// general way, so results never differ from the general parser's.
/// </summary>
public static class BaciNumbers
{
    static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>1 to 9 ASCII digits.</summary>
    public static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.Length is 0 or > 9) return false;
        foreach (var b in s)
        {
            var d = (uint)(b - '0');
            if (d > 9) return false;
            value = value * 10 + (int)d;
        }
        return true;
    }

    /// <summary>
    /// Digits, optionally a point and more digits, at most 15 in all: the value is the digits as an integer (exact
    /// in a double) divided by a power of ten (exact too), and IEEE division rounds that correctly, as a general
    /// parser does.
    /// </summary>
    public static bool TryDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        long mantissa = 0;
        int digits = 0, fraction = -1;
        foreach (var b in s)
        {
            if (b == '.')
            {
                if (fraction >= 0 || digits == 0) return false;
                fraction = 0;
                continue;
            }
            var d = (uint)(b - '0');
            if (d > 9 || ++digits > 15) return false;
            mantissa = mantissa * 10 + d;
            if (fraction >= 0) fraction++;
        }
        if (digits == 0 || fraction == 0) return false;
        value = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        return true;
    }

    /// <summary>
    /// A field of a line read in place: from <paramref name="position"/>, spaces, what <see cref="TryDigits"/> reads (at
    /// most <paramref name="maxDigits"/> digits), spaces, then a comma, after which <paramref name="position"/> is left.
    /// The same as trimming the field's spaces and calling <see cref="TryDigits"/>, in one pass.
    /// </summary>
    public static bool TryDigitsField(ReadOnlySpan<byte> line, ref int position, int maxDigits, out int value)
    {
        var i = position;
        while (i < line.Length && line[i] == ' ') i++;
        var start = i;
        value = 0;
        while (i < line.Length)
        {
            var d = (uint)(line[i] - '0');
            if (d > 9) break;
            value = value * 10 + (int)d;
            i++;
        }
        if (i == start || i - start > maxDigits) return false;
        while (i < line.Length && line[i] == ' ') i++;
        if (i == line.Length || line[i] != ',') return false;
        position = i + 1;
        return true;
    }

    /// <summary>
    /// A field of a line read in place: from <paramref name="position"/>, spaces, what <see cref="TryDecimal"/> reads,
    /// spaces, then a comma (left after it), or the end of the line when <paramref name="last"/>. The same as trimming the
    /// field's spaces and calling <see cref="TryDecimal"/>, in one pass.
    /// </summary>
    public static bool TryDecimalField(ReadOnlySpan<byte> line, ref int position, bool last, out double value)
    {
        value = 0;
        var i = position;
        while (i < line.Length && line[i] == ' ') i++;
        long mantissa = 0;
        int digits = 0, fraction = -1;
        for (; i < line.Length; i++)
        {
            var b = line[i];
            if (b == '.')
            {
                if (fraction >= 0 || digits == 0) return false;
                fraction = 0;
                continue;
            }
            var d = (uint)(b - '0');
            if (d > 9) break;
            if (++digits > 15) return false;
            mantissa = mantissa * 10 + d;
            if (fraction >= 0) fraction++;
        }
        if (digits == 0 || fraction == 0) return false;
        while (i < line.Length && line[i] == ' ') i++;
        if (last)
        {
            if (i != line.Length) return false;
        }
        else
        {
            if (i == line.Length || line[i] != ',') return false;
            i++;
        }
        position = i;
        value = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        return true;
    }
}
