using System.Net;
using System.Net.Sockets;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port, answering with a handler the test gives. Counts requests
/// and keeps their headers so tests can check conditional requests and retries.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly Func<HttpListenerContext, int, Task> _handler;
    readonly Task _loop;
    readonly CancellationTokenSource _stop = new();
    int _requests;

    public LoopbackHttpServer(Func<HttpListenerContext, int, Task> handler)
    {
        _handler = handler;
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";
    public int Requests => Volatile.Read(ref _requests);
    public List<WebHeaderCollection> RequestHeaders { get; } = [];


    async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            var n = Interlocked.Increment(ref _requests);
            lock (RequestHeaders) RequestHeaders.Add(new WebHeaderCollection { ctx.Request.Headers });
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(ctx, n);
                }
                catch (Exception)
                {
                    // the client went away (timeouts are part of the tests)
                }
                finally
                {
                    try { ctx.Response.Close(); } catch (Exception) { }
                }
            });
        }
    }

    public static async Task Send(HttpListenerContext ctx, byte[] body, int status = 200, string? etag = null)
    {
        ctx.Response.StatusCode = status;
        if (etag is not null) ctx.Response.Headers["ETag"] = etag;
        ctx.Response.ContentLength64 = body.Length;
        await ctx.Response.OutputStream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception) { }
    }
}
