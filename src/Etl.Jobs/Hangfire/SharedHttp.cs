namespace ClusterEtl.Jobs.Hangfire;

/// <summary>One HttpClient for the process (per-attempt timeouts are set by the puller).</summary>
public static class SharedHttp
{
    public static readonly HttpClient Client = Create();

    static HttpClient Create()
    {
        // A short connect timeout: an offline machine fails in seconds (SourcePuller says so in one line), not after the download timeout.
        var c = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        c.DefaultRequestHeaders.UserAgent.ParseAdd("ClusterEtl/0.1");
        return c;
    }
}
