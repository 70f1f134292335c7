using System.Buffers;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// ULEB128, the unsigned variable-length integer both Parquet's RLE/bit-packing hybrid headers and Thrift's compact protocol
/// use: seven bits per byte, low bits first, the high bit set on every byte but the last.
/// </summary>
internal static class UnsignedVarint
{
    public static void Write(ulong v, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(10);
        var n = 0;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[n++] = (byte)v;
        output.Advance(n);
    }
}
