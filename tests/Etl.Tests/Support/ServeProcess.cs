using System.Diagnostics;
using System.Text;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Support;

/// <summary>A `clusteretl serve` (or any command) running in the background, its output collected.</summary>
public sealed class ServeProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    public ServeProcess(string workingDir, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        _process = Process.Start(CliRunner.StartInfo(workingDir, env, args))!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <summary>Waits until the process pauses at its fault point (see FaultPoints), or fails with its output.</summary>
    public async Task WaitUntilPausedAsync(string point, TimeSpan timeout)
    {
        var marker = ClusterEtl.Transforms.Kernel.FaultPoints.MarkerFile(_process.Id);
        var deadline = DateTime.UtcNow + timeout;
        while (!(File.Exists(marker) && File.ReadAllText(marker) == point))
        {
            if (_process.HasExited) throw new InvalidOperationException($"exited ({_process.ExitCode}) before pausing at {point}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"did not pause at {point} within {timeout}:\n{Output}");
            await Task.Delay(50);
        }
        File.Delete(marker);
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or the OOM killer would, and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }
    public int ExitCode => _process.ExitCode;

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"exited ({_process.ExitCode}) before '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no '{text}' within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the process as an operator would (SIGTERM) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            kill.WaitForExit();
        if (!_process.WaitForExit(60_000)) throw new TimeoutException($"serve did not stop within 60 s:\n{Output}");
    }

    bool _disposed;

    /// <summary>Kills the process (SIGKILL, as a crash would) if it still runs. Safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
