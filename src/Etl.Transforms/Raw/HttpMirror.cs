namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// An optional mirror of the publishers' servers: when the environment variable <c>CLUSTERETL_HTTP_MIRROR</c> holds a base
/// URL, <c>https://host/path?query</c> is fetched from <c>&lt;mirror&gt;/host/path?query</c>. Definitions keep the publishers'
/// real URLs; the tests serve copies of real files from a loopback server this way, and a site without internet access can
/// point it at an internal mirror. Unset (the normal case), URLs are fetched as written.
/// </summary>
public static class HttpMirror
{
    public const string Variable = "CLUSTERETL_HTTP_MIRROR";

    /// <summary>The URL to fetch for <paramref name="url"/>: itself, or its copy on the mirror.</summary>
    public static string Rewrite(string url)
    {
        var mirror = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(mirror) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return url;
        return $"{mirror.TrimEnd('/')}/{uri.Host}{uri.PathAndQuery}";
    }
}
