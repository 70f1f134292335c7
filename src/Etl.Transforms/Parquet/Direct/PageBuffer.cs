using System.Buffers;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>A growable byte buffer that is reused between pages, and whose written bytes can be patched.</summary>
internal sealed class PageBuffer(int initialCapacity = 1 << 16) : IBufferWriter<byte>
{
    byte[] _bytes = new byte[initialCapacity];

    public int Length { get; private set; }
    public Span<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Advance(int count) => Length += count;

    // Reserve first: it may replace the array.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _bytes.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _bytes.AsSpan(start);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    int Reserve(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 16);
        if (needed > _bytes.Length) Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        return Length;
    }
}
