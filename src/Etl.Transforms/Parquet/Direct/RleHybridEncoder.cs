using System.Buffers;
using System.Numerics;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// Parquet's RLE / bit-packing hybrid encoding, for definition levels and dictionary indices: a run of 8 or more
/// equal values becomes one RLE run, anything else is bit-packed in groups of 8.
/// </summary>
internal static class RleHybridEncoder
{
    /// <summary>The bits needed for values 0 … <paramref name="maxValue"/> (at least 1).</summary>
    public static int BitWidth(int maxValue) => Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)maxValue));

    /// <summary>Encodes <paramref name="values"/> (each below 2^<paramref name="bitWidth"/>).</summary>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i, int.MaxValue);
            if (run >= 8)
            {
                WriteRleRun(values[i], run, bitWidth, output);
                i += run;
                continue;
            }
            // Bit-pack groups of 8 until a long run starts at a group boundary (or the values end; the last group
            // is padded with zeros, which readers ignore as they know the number of values).
            var start = i;
            do i += 8;
            while (i < values.Length && RunLength(values, i, 8) < 8);
            var count = Math.Min(i, values.Length) - start;
            WriteBitPacked(values.Slice(start, count), bitWidth, output);
            i = start + count;
        }
    }

    static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        var v = values[start];
        var end = Math.Min(values.Length, start + limit);
        var n = start + 1;
        while (n < end && values[n] == v) n++;
        return n - start;
    }

    static void WriteRleRun(int value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        UnsignedVarint.Write((uint)count << 1, output);
        var bytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(bytes);
        for (var b = 0; b < bytes; b++) span[b] = (byte)(value >> (8 * b));
        output.Advance(bytes);
    }

    static void WriteBitPacked(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        var groups = (values.Length + 7) / 8;
        UnsignedVarint.Write((uint)groups << 1 | 1, output);
        var size = groups * bitWidth; // 8 values of bitWidth bits = bitWidth bytes per group
        var span = output.GetSpan(size)[..size];
        span.Clear();
        ulong buffer = 0;
        int bits = 0, pos = 0;
        foreach (var v in values)
        {
            buffer |= (ulong)(uint)v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[pos++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) span[pos] = (byte)buffer;
        output.Advance(size);
    }
}
