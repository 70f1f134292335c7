using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>) driven through the DevTools protocol over its
/// <c>--remote-debugging-port</c> WebSocket (loopback only), with <see cref="ClientWebSocket"/>: open a page, wait for its
/// load event, evaluate script in it, take a screenshot, and collect every script error, failed load and console error
/// the page raised. Started with an empty profile and everything that would reach the network turned off.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    readonly Process _process;
    readonly string _profile;
    readonly ClientWebSocket _socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    readonly ConcurrentQueue<string> _errors = new();
    readonly CancellationTokenSource _stop = new();
    Task? _reader;
    int _nextId;
    string _session = "";
    TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Why browser tests cannot run here, or null when they can: Chromium is installed.</summary>
    public static string? Missing => File.Exists(Executable) ? null
        : $"headless Chromium ({Executable}, Debian package chromium) is not installed; `apt-get install -y chromium` (.ci/run installs it)";

    /// <summary>Script errors, failed loads and console errors of the page open now, as "kind: message".</summary>
    public IReadOnlyList<string> Errors => _errors.ToList();

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Path.Combine(Path.GetTempPath(), "clusteretl-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr when it is ready.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? url = null;
        while (url is null && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null) break;
            var at = line.IndexOf("ws://", StringComparison.Ordinal);
            if (line.Contains("DevTools listening", StringComparison.Ordinal) && at >= 0) url = line[at..].Trim();
        }
        if (url is null)
        {
            await browser.DisposeAsync();
            throw new InvalidOperationException("chromium did not say where its DevTools endpoint is");
        }
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        await browser._socket.ConnectAsync(new Uri(url), CancellationToken.None);
        browser._reader = Task.Run(browser.ReadLoop);
        var target = await browser.Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await browser.Send("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
        browser._session = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable" }) await browser.Send(domain);
        await browser.Send("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return browser;
    }

    /// <summary>Opens <paramref name="file"/> (a path on disk) and waits for its load event; the error list starts empty.</summary>
    public async Task OpenAsync(string file)
    {
        _errors.Clear();
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await Send("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(file)).AbsoluteUri });
        if (result["errorText"] is { } error) throw new InvalidOperationException($"{file} did not open: {error}");
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The value of <paramref name="expression"/> in the page (returned by value, as JSON).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var r = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (r["exceptionDetails"] is { } e) throw new InvalidOperationException($"script failed: {e.ToJsonString()}");
        return r["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the whole page (up to 12,000 pixels high) at 1280 pixels wide.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var metrics = await Send("Page.getLayoutMetrics");
        var height = (int)Math.Min(12_000, Math.Ceiling(metrics["cssContentSize"]!["height"]!.GetValue<double>()));
        await Send("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = 1280, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var shot = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
        await Send("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false });
    }

    async Task<JsonNode> Send(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel) message["sessionId"] = _session;
        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"] ?? new JsonObject();
    }

    async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var waiting)) waiting.TrySetResult(node);
                else Event(node["method"]?.GetValue<string>(), node["params"]);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var waiting in _pending.Values) waiting.TrySetException(new InvalidOperationException("chromium closed the connection"));
    }

    void Event(string? method, JsonNode? p)
    {
        if (method == "Page.loadEventFired") _loaded.TrySetResult();
        else if (method == "Runtime.exceptionThrown")
        {
            var details = p?["exceptionDetails"];
            _errors.Enqueue("exception: " + (details?["exception"]?["description"]?.ToString() ?? details?["text"]?.ToString()));
        }
        else if (method == "Runtime.consoleAPICalled" && (p?["type"]?.ToString() == "error" || p?["type"]?.ToString() == "assert"))
        {
            var args = p!["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString());
            _errors.Enqueue("console: " + string.Join(" ", args));
        }
        else if (method == "Log.entryAdded" && p?["entry"]?["level"]?.ToString() == "error")
        {
            var entry = p!["entry"]!;
            _errors.Enqueue("log: " + entry["text"] + " " + entry["url"]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open) await Send("Browser.close", browserLevel: true).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException) { }
        _stop.Cancel();
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _socket.Dispose();
        if (_reader is not null) await _reader.ContinueWith(_ => { });
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { }
    }
}
