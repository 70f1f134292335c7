using System.Diagnostics;

namespace ClusterEtl.Tests.Support;

/// <summary>Runs the real command-line program (clusteretl.dll next to the tests) as a separate process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>How to start clusteretl with these arguments and extra environment variables.</summary>
    public static ProcessStartInfo StartInfo(string workingDir, IReadOnlyDictionary<string, string> env, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clusteretl.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return psi;
    }

    public static Task<Result> RunAsync(string workingDir, params string[] args) =>
        RunAsync(workingDir, new Dictionary<string, string>(), args);

    public static async Task<Result> RunAsync(string workingDir, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDir, env, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
