using ClusterEtl.Transforms.Definitions;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Creates and fills the <c>ref</c> and <c>meta</c> tables: the seeds (<see cref="ReferenceSeeds"/>: the reference files of
/// <c>pipelines/reference/</c>, read by DuckDB), then the tables of the JSON definitions (<see cref="DefinitionTables"/>).
/// </summary>
public static class ReferenceLoader
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ReferenceLoader));

    public static void Load(DuckDBConnection c, SqlProject project, PipelineDefinitions definitions, WarehouseSettings settings)
    {
        var (start, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);
        new ReferenceSeeds(project.Directory, definitions.Directory).RunAll(c);
        DefinitionTables.Load(c, definitions, settings);
        Log.Information("Reference tables loaded in {Seconds:0.000} s ({CpuSeconds:0.000} s of processor time)",
            System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds,
            (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
