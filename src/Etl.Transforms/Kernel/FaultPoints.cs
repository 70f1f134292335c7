namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// Named points of a run where the fault-injection tests and <c>bench --chaos</c> stop a process to kill it: with
/// <c>CLUSTERETL_PAUSE_AT=&lt;point&gt;</c> in its environment, the process reaching that point writes the point's name to
/// <see cref="MarkerFile"/> and waits there for ever. Without the variable (every real run), nothing happens.
/// </summary>
public static class FaultPoints
{
    public const string Variable = "CLUSTERETL_PAUSE_AT";

    /// <summary>Every point, in the order a run reaches them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "pull", "pull:incoming", "normalize", "normalize:staged", "normalize:swapped", "transform", "transform:built",
        "publish", "publish:exported", "publish:moved", "publish:switched",
    ];

    static readonly string? Target = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Where a paused process says it is paused: a file named after its process id in the temp folder.</summary>
    public static string MarkerFile(int pid) => Path.Combine(Path.GetTempPath(), $"clusteretl-paused-{pid}");

    public static void Reach(string point)
    {
        if (Target != point) return;
        File.WriteAllText(MarkerFile(Environment.ProcessId), point);
        Thread.Sleep(Timeout.Infinite);
    }
}
