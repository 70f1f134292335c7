using ClusterEtl.Transforms.Connectors.Shared;

namespace ClusterEtl.Tests.Normalize;

public sealed class ReadProgressStreamTests
{
    [Fact]
    public void Says_how_much_of_the_file_was_read()
    {
        using var s = new ReadProgressStream(new MemoryStream(new byte[10_000_000]), 10_000_000);
        var buffer = new byte[1_000_000];

        for (var i = 0; i < 3; i++) s.ReadExactly(buffer);

        // 3 reads of 1,000,000 bytes: 3.0 MB of 10.0 MB, 30 %.
        Assert.Equal(3_000_000, s.BytesRead);
        Assert.Equal("3.0 MB of 10.0 MB (30 %)", s.Describe());
        // Without a known length (a stream that is not a file): the bytes only.
        using var unknown = new ReadProgressStream(new MemoryStream(new byte[2_500_000]), null);
        unknown.ReadExactly(new byte[2_500_000]);
        Assert.Equal("2.5 MB", unknown.Describe());
    }
}
