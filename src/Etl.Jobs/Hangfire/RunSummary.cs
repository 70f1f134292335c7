using System.Globalization;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>The table printed at the end of a run: each stage's status, rows, quarantined rows and time, then the warnings.</summary>
public static class RunSummary
{
    public static void Write(string runId, IReadOnlyList<StageReport> stages, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"Run {runId}");
        output.WriteLine($"  {"stage",-10} {"status",-9} {"rows",14} {"quarantined",12} {"seconds",9}");
        foreach (var s in stages)
            output.WriteLine(string.Format(inv, "  {0,-10} {1,-9} {2,14} {3,12:N0} {4,9:0.00}", s.Stage, s.Status,
                $"{s.Rows.ToString("N0", inv)} {(s.Unit == "rows" ? "" : s.Unit)}".TrimEnd(), s.QuarantinedRows, s.Seconds));
        output.WriteLine(string.Format(inv, "  {0,-10} {1,-9} {2,14} {3,12:N0} {4,9:0.00}", "total", "", "",
            stages.Sum(s => s.QuarantinedRows), stages.Sum(s => s.Seconds)));
        var warnings = stages.SelectMany(s => s.Warnings.Select(w => $"{s.Stage}: {w}")).ToList();
        if (warnings.Count > 0)
        {
            output.WriteLine($"{warnings.Count} warning(s):");
            foreach (var w in warnings) output.WriteLine($"  ! {w}");
        }
        output.WriteLine();
    }
}
