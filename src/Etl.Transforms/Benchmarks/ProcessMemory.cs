namespace ClusterEtl.Transforms.Benchmarks;

/// <summary>
/// Peak resident memory of this process, per step: Linux keeps the peak in <c>/proc/self/status</c> (VmHWM) and resets
/// it when "5" is written to <c>/proc/self/clear_refs</c>. Elsewhere, .NET's peak working set (not resettable).
/// </summary>
public static class ProcessMemory
{
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak stays the process-wide one.
        }
    }

    /// <summary>Peak resident set size in bytes since the last <see cref="ResetPeak"/>.</summary>
    public static long PeakBytes()
    {
        if (File.Exists("/proc/self/status"))
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.PeakWorkingSet64;
    }
}
