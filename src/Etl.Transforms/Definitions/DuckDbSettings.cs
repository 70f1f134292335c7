using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// What DuckDB may use while building and publishing the warehouse (<c>"duckdb"</c> in <c>pipelines/warehouse.json</c>):
/// its memory limit (beyond it, joins and aggregations spill to <see cref="TempDirectory"/>), its threads, and where it
/// spills. The defaults fit a small machine: 2 GB, one thread per core, under the data folder.
/// </summary>
/// <param name="MemoryLimit">DuckDB's memory_limit, e.g. "2GB", "512MB".</param>
/// <param name="Threads">DuckDB's threads; null: one per core.</param>
/// <param name="TempDirectory">Where DuckDB spills: relative to the data folder, or absolute. Null: the run's own
/// folder under <c>.staging/</c>, removed with it.</param>
public sealed partial record DuckDbSettings(string MemoryLimit = "2GB", int? Threads = null, string? TempDirectory = null)
{
    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    /// <summary>The spill folder for a run: <see cref="TempDirectory"/> under the data folder, or the run's staging.</summary>
    public string SpillDirectory(string dataDir, string runStaging) =>
        TempDirectory is null ? Path.Combine(runStaging, "duckdb-tmp") : Path.GetFullPath(Path.Combine(dataDir, TempDirectory));

    /// <summary>Opens a DuckDB file for heavy work within these limits, spilling to <paramref name="spillDirectory"/>.</summary>
    public DuckDBConnection Open(string file, string spillDirectory) => DuckDb.Open(file, MemoryLimit, ThreadCount, spillDirectory);

    public static DuckDbSettings Read(JsonFields f)
    {
        f.RejectUnknown("memory_limit", "threads", "temp_directory");
        var d = new DuckDbSettings();
        var memory = f.OptionalString("memory_limit") ?? d.MemoryLimit;
        if (!MemorySize().IsMatch(memory))
            throw f.Error("memory_limit", $"'{memory}' is not a size such as \"2GB\", \"1.5GB\" or \"512MB\"");
        return new DuckDbSettings(memory.Replace(" ", ""), (int?)f.OptionalNumber("threads", 1, 256), f.OptionalString("temp_directory"));
    }

    /// <summary>Description of each value, for <c>ref.settings</c>.</summary>
    public IReadOnlyList<(string Name, string Value, string Description)> Entries =>
    [
        ("duckdb.memory_limit", MemoryLimit, "DuckDB memory limit while building (beyond it, work spills to the temp directory)."),
        ("duckdb.threads", ThreadCount.ToString(CultureInfo.InvariantCulture), "DuckDB threads while building."),
    ];

    [GeneratedRegex(@"^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();
}
