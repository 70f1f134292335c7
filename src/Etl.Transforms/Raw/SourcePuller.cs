using System.Net;
using System.Net.Http.Headers;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using Serilog;

namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// Brings one file of a source into the raw store: copies a local file, or downloads a URL (streamed,
/// conditional on the previous ETag/Last-Modified, with a timeout per attempt and retries with
/// exponential backoff for transient failures), and appends a manifest row.
/// </summary>
public sealed class SourcePuller(HttpClient http)
{
    /// <summary>Extras for API requests.</summary>
    /// <param name="Headers">Request headers (e.g. a subscription key); never logged or stored.</param>
    /// <param name="ShownLocation">The location as logged and stored in the manifest, when the URL itself holds a
    /// secret the generic redaction cannot see (a token in the path); default: <see cref="SecretRedactor.Redact"/>.</param>
    /// <param name="FileName">Name of the stored raw file (default: from the response or the URL path).</param>
    /// <param name="AcceptStatus">Non-success statuses whose body is still the answer (an API's "no data" reply):
    /// stored like data for the connector to interpret, not retried and not an error.</param>
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Headers = null,
        string? ShownLocation = null,
        string? FileName = null,
        Func<HttpStatusCode, bool>? AcceptStatus = null);

    static readonly ILogger Log = Serilog.Log.ForContext<SourcePuller>();

    public async Task<ManifestEntry> PullAsync(DataLayout layout, SourceDefinition source, string role, string location,
        string runId, CancellationToken ct, Request? request = null)
    {
        // Every location shown (logs, manifest, ledger, warehouse) goes through the one redactor, a connector's own
        // shown form too (it hides a token in the path; the redactor, a password in the URL).
        var shownLocation = SecretRedactor.Redact(request?.ShownLocation ?? location);
        var previous = Manifest.Latest(layout, source.Id, role);
        if (previous is not null && !File.Exists(Path.Combine(layout.DataDir, previous.Path))) previous = null;
        // Validators (ETag, Last-Modified) only hold for the same location.
        var validators = previous?.Location == shownLocation ? previous : null;
        var store = new RawStore(layout.RawSourceDir(source.Id));

        RawStore.Stored stored;
        string? etag = null, lastModified = null;
        if (SourceDefinition.IsUrl(location))
        {
            var download = await DownloadAsync(source, location, shownLocation, validators, store, request, ct);
            if (download is null)
            {
                Log.Information("{Source} {Role}: {Location} not modified since the last fetch", source.Id, role, shownLocation);
                var same = validators! with { FetchedAt = DateTimeOffset.UtcNow, Changed = false, RunId = runId };
                Manifest.Append(layout, same);
                return same;
            }
            (stored, etag, lastModified) = download.Value;
        }
        else
        {
            if (!File.Exists(location))
                throw new PipelineException("pull", "the file does not exist",
                    $"Check 'location' in {source.DefinitionFile}.", source.Id, location);
            // A local file keeps its size and modification time until it is rewritten (the check make and rsync use):
            // when both are those of the last fetch, its stored copy is still it, and a 10 GB release is not read again.
            var info = new FileInfo(location);
            lastModified = info.LastWriteTimeUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            if (validators is not null && validators.Bytes == info.Length && validators.LastModified == lastModified)
            {
                Log.Information("{Source} {Role}: {Location} not modified since the last fetch (same size and time)", source.Id, role,
                    shownLocation);
                var same = validators with { FetchedAt = DateTimeOffset.UtcNow, Changed = false, RunId = runId };
                Manifest.Append(layout, same);
                return same;
            }
            await using var input = new FileStream(location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            stored = await store.StoreAsync(input, Path.GetFileName(location), ct);
        }

        var entry = new ManifestEntry
        {
            Source = source.Id,
            Role = role,
            Location = shownLocation,
            Bytes = stored.Bytes,
            Sha256 = stored.Sha256,
            FetchedAt = DateTimeOffset.UtcNow,
            Path = Path.GetRelativePath(layout.DataDir, stored.Path),
            Changed = previous is null || previous.Sha256 != stored.Sha256,
            ETag = etag,
            LastModified = lastModified,
            RunId = runId,
        };
        Manifest.Append(layout, entry);
        Log.Information("{Source} {Role}: {Bytes:N0} bytes, sha256 {Sha}, {Change}", source.Id, role, entry.Bytes,
            entry.Sha256[..12], entry.Changed ? "new content" : "unchanged");
        return entry;
    }

    /// <returns>The stored file with the response's validators, or null when the server said 304 Not Modified.</returns>
    async Task<(RawStore.Stored, string?, string?)?> DownloadAsync(SourceDefinition source, string url, string shownUrl,
        ManifestEntry? previous, RawStore store, Request? extras, CancellationToken ct)
    {
        var options = source.Fetch;
        string lastProblem = "no attempt made";
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, HttpMirror.Rewrite(url));
                foreach (var (name, value) in extras?.Headers ?? new Dictionary<string, string>())
                    request.Headers.TryAddWithoutValidation(name, value);
                if (previous?.ETag is { } tag && EntityTagHeaderValue.TryParse(tag, out var parsedTag))
                    request.Headers.IfNoneMatch.Add(parsedTag);
                if (previous?.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since))
                    request.Headers.IfModifiedSince = since;
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.StatusCode == HttpStatusCode.NotModified && previous is not null) return null;
                var accepted = response.IsSuccessStatusCode || extras?.AcceptStatus?.Invoke(response.StatusCode) == true;
                if (!accepted && IsTransient(response.StatusCode))
                {
                    lastProblem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                }
                else if (!accepted)
                {
                    throw new PipelineException("pull", $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
                        $"Check 'location' in {source.DefinitionFile}; this is not retried.", source.Id, shownUrl);
                }
                else
                {
                    var name = extras?.FileName
                               ?? response.Content.Headers.ContentDisposition?.FileNameStar
                               ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                               ?? Path.GetFileName(new Uri(url).AbsolutePath);
                    var expected = response.Content.Headers.ContentLength;
                    await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                    var stored = await store.StoreAsync(body, name, timeout.Token);
                    if (expected is { } length && length != stored.Bytes)
                    {
                        lastProblem = $"the body ended after {stored.Bytes:N0} of {length:N0} bytes";
                    }
                    else
                    {
                        return (stored, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastProblem = $"no complete answer within {options.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e) when (Unreachable(e) is { } why)
            {
                // Offline, or a host that does not exist or refuses: retrying would only delay the answer.
                throw new PipelineException("pull", $"cannot reach {new Uri(url).Host}: {why}",
                    "Check the network connection (and proxy), or the host in 'location'; this is not retried.", source.Id, shownUrl, inner: e);
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (IOException e)
            {
                lastProblem = e.Message;
            }

            if (attempt < options.Attempts)
            {
                var delay = options.RetryDelay * Math.Pow(2, attempt - 1);
                Log.Warning("{Source}: attempt {Attempt} of {Attempts} failed ({Problem}); retrying in {Delay:0.#} s",
                    source.Id, attempt, options.Attempts, lastProblem, delay.TotalSeconds);
                await Task.Delay(delay, ct);
            }
        }
        throw new TransientPipelineException("pull", $"download failed after {options.Attempts} attempt(s): {lastProblem}",
            "Check that the server is reachable, or raise 'fetch.attempts'/'fetch.timeout_seconds'; the run can be retried.",
            source.Id, shownUrl);
    }

    /// <summary>Why a host cannot be reached at all (name not resolved, network down, connection refused); null for other failures.</summary>
    static string? Unreachable(HttpRequestException e) =>
        e.InnerException is System.Net.Sockets.SocketException s
            ? s.SocketErrorCode switch
            {
                System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain or System.Net.Sockets.SocketError.NoData
                    => "the name does not resolve (offline, or no such host)",
                System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.NetworkDown
                    or System.Net.Sockets.SocketError.HostUnreachable => "the network is unreachable (offline?)",
                System.Net.Sockets.SocketError.ConnectionRefused => "the connection was refused",
                _ => null,
            }
            : e.InnerException is TimeoutException ? "no connection within the connect timeout (offline?)" : null;

    static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)code >= 500;
}
