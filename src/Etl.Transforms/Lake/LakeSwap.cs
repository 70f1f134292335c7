using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Moves one source's normalized output from a run's staging folder into the lake, a folder at a time
/// (<see cref="AtomicDirectory.Replace"/>): readers see the old partition or the new one, never half of one. What is replaced
/// is parked under <paramref name="parking"/> until the move is done, so a kill leaves either state whole.
/// </summary>
/// <param name="stagedLake">The staging copy of <c>lake/normalized/</c> the connector wrote.</param>
/// <param name="stagedQuarantine">The staging copy of <c>lake/quarantine/</c>.</param>
public sealed class LakeSwap(DataLayout layout, string sourceId, string stagedLake, string stagedQuarantine, string parking)
{
    string Quarantine => LakePaths.SourceFolder(layout.QuarantineDir, sourceId);
    string StagedQuarantine => LakePaths.SourceFolder(stagedQuarantine, sourceId);

    /// <summary>Replaces the source's partition of each table, and its quarantine. A table the extract has no rows for is
    /// replaced by an empty folder: old rows must not survive.</summary>
    public void ReplaceAll(IEnumerable<NormalizedTable> tables)
    {
        foreach (var table in tables)
        {
            var staged = LakePaths.SourceFolder(stagedLake, table.Name, sourceId);
            Directory.CreateDirectory(staged);
            AtomicDirectory.Replace(staged, LakePaths.SourceFolder(layout.NormalizedDir, table.Name, sourceId), parking + "-" + table.Name);
        }
        AtomicDirectory.Replace(StagedQuarantine, Quarantine, parking + "-quarantine");
    }

    /// <summary>
    /// A backfill: replaces the year partitions of <paramref name="range"/> (a year the extract no longer holds is removed),
    /// keeps the other years, and keeps the backfill's quarantine beside the source's as <c>quarantine-backfill-&lt;run&gt;.parquet</c>.
    /// </summary>
    public void ReplaceYears(IEnumerable<NormalizedTable> tables, (int First, int Last) range, string runId)
    {
        foreach (var table in tables)
        {
            var staged = LakePaths.SourceFolder(stagedLake, table.Name, sourceId);
            var target = LakePaths.SourceFolder(layout.NormalizedDir, table.Name, sourceId);
            Directory.CreateDirectory(target);
            for (var year = range.First; year <= range.Last; year++)
            {
                var targetYear = LakePaths.YearFolder(target, year);
                var stagedYear = LakePaths.YearFolder(staged, year);
                if (Directory.Exists(stagedYear)) AtomicDirectory.Replace(stagedYear, targetYear, parking + $"-{table.Name}-{year}");
                else if (Directory.Exists(targetYear)) Directory.Delete(targetYear, recursive: true);
            }
        }
        Directory.CreateDirectory(Quarantine);
        File.Move(Path.Combine(StagedQuarantine, QuarantineWriter.FileName), Path.Combine(Quarantine, $"quarantine-backfill-{runId}.parquet"),
            overwrite: true);
    }

    /// <summary>Whether the source has a partition in each of the tables (a skipped source must still be in the lake).</summary>
    public static bool HasAll(DataLayout layout, IEnumerable<NormalizedTable> tables, string sourceId) =>
        tables.All(t => Directory.Exists(LakePaths.SourceFolder(layout.NormalizedDir, t.Name, sourceId)));

    /// <summary>Removes the partitions of sources no longer defined: their rows would still feed the marts.</summary>
    public static void PruneSources(DataLayout layout, IEnumerable<NormalizedTable> tables, IReadOnlySet<string> definedSources,
        Action<string> removing)
    {
        foreach (var root in tables.Select(t => Path.Combine(layout.NormalizedDir, t.Name)).Append(layout.QuarantineDir))
        foreach (var (source, folder) in LakePaths.Sources(root).ToList())
        {
            if (definedSources.Contains(source)) continue;
            removing(folder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
