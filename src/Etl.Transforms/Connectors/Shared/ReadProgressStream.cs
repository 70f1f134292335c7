namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// A read-only stream that counts the bytes read through it, so a long read can say how far it is: "1,234 MB of
/// 2,700 MB (45 %)". Passes everything else to the stream it wraps (and disposes it).
/// </summary>
public sealed class ReadProgressStream(Stream inner, long? length) : Stream
{
    public long BytesRead { get; private set; }

    /// <summary>"812.4 MB of 2,701.0 MB (30 %)", or "812.4 MB" when the length is not known.</summary>
    public string Describe() =>
        length is > 0
            ? FormattableString.Invariant($"{BytesRead / 1e6:N1} MB of {length.Value / 1e6:N1} MB ({100.0 * BytesRead / length.Value:0} %)")
            : FormattableString.Invariant($"{BytesRead / 1e6:N1} MB");

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    int Count(int n)
    {
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
