using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Tests.Pull;

/// <summary>Pull against a real HTTP server on 127.0.0.1 started by the test.</summary>
public sealed class HttpPullTests : IDisposable
{
    static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    static readonly byte[] Body = Encoding.UTF8.GetBytes("t,i,j,k,v,q\n2001,152,842,030212,1.000,1.000\n");
    static readonly string BodySha = Convert.ToHexStringLower(SHA256.HashData(Body));
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    DataLayout Layout => new(_dir.Combine("data"));

    static SourceDefinition Source(string url, int attempts = 3, double timeoutSeconds = 30) =>
        new("baci_http", "baci", url, "pipelines/sources/baci_http.json",
            new FetchOptions(TimeSpan.FromSeconds(timeoutSeconds), attempts, TimeSpan.FromMilliseconds(20)), 0.01, null);

    Task<ManifestEntry> Pull(SourceDefinition s) =>
        new SourcePuller(Http).PullAsync(Layout, s, "data", s.Location, "run-1", CancellationToken.None);

    [Fact]
    public async Task Downloads_into_the_raw_store_under_its_hash_and_then_asks_conditionally()
    {
        await using var server = new LoopbackHttpServer((ctx, _) =>
            ctx.Request.Headers["If-None-Match"] == "\"v1\""
                ? LoopbackHttpServer.Send(ctx, [], 304)
                : LoopbackHttpServer.Send(ctx, Body, etag: "\"v1\""));
        var source = Source(server.Url("/baci/BACI_HS92_V202201.zip"));

        var first = await Pull(source);
        var second = await Pull(source);

        Assert.Equal(BodySha, first.Sha256);
        Assert.Equal(Body.Length, first.Bytes);
        Assert.True(first.Changed);
        Assert.Equal("\"v1\"", first.ETag);
        var raw = Path.Combine(Layout.DataDir, first.Path);
        Assert.Equal(Path.Combine(Layout.RawDir, "baci_http", BodySha, "BACI_HS92_V202201.zip"), raw);
        Assert.Equal(Body, File.ReadAllBytes(raw));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(raw));
        // The second request carried If-None-Match and the 304 reuses the stored file.
        Assert.Equal("\"v1\"", server.RequestHeaders[1]["If-None-Match"]);
        Assert.False(second.Changed);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(2, Manifest.ReadAll(Layout).Count);
    }

    [Fact]
    public async Task Retries_transient_server_errors_with_backoff()
    {
        await using var server = new LoopbackHttpServer((ctx, n) =>
            n <= 2 ? LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes("busy"), 503) : LoopbackHttpServer.Send(ctx, Body));

        var entry = await Pull(Source(server.Url("/x.csv"), attempts: 3));

        Assert.Equal(3, server.Requests);
        Assert.Equal(BodySha, entry.Sha256);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_with_a_transient_error()
    {
        await using var server = new LoopbackHttpServer((ctx, _) => LoopbackHttpServer.Send(ctx, [], 502));

        var e = await Assert.ThrowsAsync<TransientPipelineException>(() => Pull(Source(server.Url("/x.csv"), attempts: 2)));

        Assert.Equal(2, server.Requests);
        Assert.Contains("download failed after 2 attempt(s): HTTP 502", e.Message);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var server = new LoopbackHttpServer((ctx, _) => LoopbackHttpServer.Send(ctx, [], 404));

        var e = await Assert.ThrowsAsync<PipelineException>(() => Pull(Source(server.Url("/missing.zip"))));

        Assert.Equal(1, server.Requests);
        Assert.False(e.IsTransient);
        Assert.Contains("HTTP 404", e.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_times_out()
    {
        await using var server = new LoopbackHttpServer(async (ctx, _) =>
        {
            await Task.Delay(5_000);
            await LoopbackHttpServer.Send(ctx, Body);
        });

        var e = await Assert.ThrowsAsync<TransientPipelineException>(() =>
            Pull(Source(server.Url("/slow.zip"), attempts: 2, timeoutSeconds: 0.3)));

        Assert.Contains("no complete answer within 0.3 s", e.Message);
        Assert.Equal(2, server.Requests);
        Assert.False(Directory.Exists(Path.Combine(Layout.RawDir, "baci_http")) &&
                     Directory.GetFiles(Path.Combine(Layout.RawDir, "baci_http"), "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task Tokens_in_the_URL_never_reach_the_manifest()
    {
        await using var server = new LoopbackHttpServer((ctx, _) => LoopbackHttpServer.Send(ctx, Body));

        var entry = await Pull(Source(server.Url("/data.csv?subscription-key=SECRET123&year=2001")));

        Assert.Equal(server.Url("/data.csv") + "?subscription-key=***&year=2001", entry.Location);
        Assert.DoesNotContain("SECRET123", File.ReadAllText(Layout.RawManifest));
    }
}
