using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Tests.Lake;

/// <summary>Moving a source's staged output into the lake: whole, by years (a backfill), and pruning sources no longer defined.</summary>
public sealed class LakeSwapTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly DataLayout _layout;
    static readonly NormalizedTable Flows = new("flows", ByYear: true, () => Array.Empty<ParquetColumn>());
    static readonly NormalizedTable Firms = new("firms", ByYear: false, () => Array.Empty<ParquetColumn>());

    public LakeSwapTests() => _layout = new DataLayout(_dir.Combine("data"));

    public void Dispose() => _dir.Dispose();

    string Staged(string table, string source, int? year, string content)
    {
        var file = LakePaths.PartFile(_dir.Combine("staged", "normalized"), table, source, year);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    void StagedQuarantine(string source)
    {
        var folder = LakePaths.SourceFolder(_dir.Combine("staged", "quarantine"), source);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, QuarantineWriter.FileName), "q");
    }

    LakeSwap Swap(string source) =>
        new(_layout, source, _dir.Combine("staged", "normalized"), _dir.Combine("staged", "quarantine"), _dir.Combine("parking", source));

    string Lake(string table, string source, int? year) => File.ReadAllText(LakePaths.PartFile(_layout.NormalizedDir, table, source, year));

    [Fact]
    public void A_backfill_replaces_the_years_asked_for_removes_one_the_extract_no_longer_has_and_keeps_the_others()
    {
        // First load: 2001, 2002, 2003.
        foreach (var y in new[] { 2001, 2002, 2003 }) Staged("flows", "baci", y, $"v1-{y}");
        StagedQuarantine("baci");
        Swap("baci").ReplaceAll([Flows]);
        // Backfill 2002-2003 from an extract holding 2002 only: 2002 replaced, 2003 removed, 2001 kept.
        Staged("flows", "baci", 2002, "v2-2002");
        StagedQuarantine("baci");
        Swap("baci").ReplaceYears([Flows], (2002, 2003), "r2");

        Assert.Equal("v1-2001", Lake("flows", "baci", 2001));
        Assert.Equal("v2-2002", Lake("flows", "baci", 2002));
        Assert.False(Directory.Exists(LakePaths.YearFolder(LakePaths.SourceFolder(_layout.NormalizedDir, "flows", "baci"), 2003)));
        Assert.True(File.Exists(Path.Combine(LakePaths.SourceFolder(_layout.QuarantineDir, "baci"), "quarantine-backfill-r2.parquet")));
    }

    [Fact]
    public void A_table_without_rows_in_the_new_extract_is_emptied_not_left_with_old_rows()
    {
        Staged("firms", "denue", null, "old");
        StagedQuarantine("denue");
        Swap("denue").ReplaceAll([Firms]);
        StagedQuarantine("denue");                       // the new extract wrote no firms file
        Swap("denue").ReplaceAll([Firms]);

        Assert.True(LakeSwap.HasAll(_layout, [Firms], "denue"));
        Assert.Empty(Directory.GetFiles(LakePaths.SourceFolder(_layout.NormalizedDir, "firms", "denue")));
    }

    [Fact]
    public void Pruning_removes_the_partitions_and_quarantine_of_sources_no_longer_defined_only()
    {
        Staged("firms", "kept", null, "k");
        StagedQuarantine("kept");
        Swap("kept").ReplaceAll([Firms]);
        Staged("firms", "gone", null, "g");
        StagedQuarantine("gone");
        Swap("gone").ReplaceAll([Firms]);
        var removed = new List<string>();

        LakeSwap.PruneSources(_layout, [Firms], new HashSet<string> { "kept" }, removed.Add);

        Assert.Equal(2, removed.Count);                  // lake/normalized/firms/source=gone and lake/quarantine/source=gone
        Assert.Equal("k", Lake("firms", "kept", null));
        Assert.False(Directory.Exists(LakePaths.SourceFolder(_layout.NormalizedDir, "firms", "gone")));
        Assert.False(Directory.Exists(LakePaths.SourceFolder(_layout.QuarantineDir, "gone")));
    }
}
