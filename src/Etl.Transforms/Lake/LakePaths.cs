namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// The one place that spells the lake's Hive-style folders: <c>&lt;table&gt;/source=&lt;id&gt;/[year=&lt;yyyy&gt;/]part-0.parquet</c>
/// under <c>lake/normalized/</c> (or a run's staging copy of it), and <c>source=&lt;id&gt;/quarantine.parquet</c> under
/// <c>lake/quarantine/</c>. DuckDB reads the <c>source</c> and <c>year</c> columns from these names.
/// </summary>
public static class LakePaths
{
    const string SourcePrefix = "source=";
    const string YearPrefix = "year=";

    /// <summary>The file a writer starts; a table's readers take every <c>*.parquet</c> of the folder.</summary>
    public const string FirstPart = "part-0.parquet";

    /// <summary>Rows per row group of every lake file (bounded memory while writing, pruning by statistics while reading).</summary>
    public const int RowGroupSize = 65_536;

    /// <summary><c>&lt;root&gt;/source=&lt;id&gt;</c>: a source's folder of a table folder, or of the quarantine folder.</summary>
    public static string SourceFolder(string root, string sourceId) => Path.Combine(root, SourcePrefix + sourceId);

    /// <summary><c>&lt;root&gt;/&lt;table&gt;/source=&lt;id&gt;</c>.</summary>
    public static string SourceFolder(string root, string table, string sourceId) => SourceFolder(Path.Combine(root, table), sourceId);

    /// <summary><c>&lt;sourceFolder&gt;/year=&lt;yyyy&gt;</c>.</summary>
    public static string YearFolder(string sourceFolder, int year) => Path.Combine(sourceFolder, YearPrefix + year);

    /// <summary>The first file of a table's partition: with a year under its year folder, else under the source folder.</summary>
    public static string PartFile(string root, string table, string sourceId, int? year)
    {
        var folder = SourceFolder(root, table, sourceId);
        return Path.Combine(year is { } y ? YearFolder(folder, y) : folder, FirstPart);
    }

    /// <summary>The source folders of a table folder, in name order.</summary>
    public static IEnumerable<(string Source, string Folder)> Sources(string tableRoot) =>
        Directory.Exists(tableRoot)
            ? Directory.GetDirectories(tableRoot, SourcePrefix + "*").Order(StringComparer.Ordinal)
                .Select(d => (Path.GetFileName(d)[SourcePrefix.Length..], d))
            : [];

    /// <summary>The year folders of a source folder, in name order (folders whose year is not a number are not listed).</summary>
    public static IEnumerable<(int Year, string Folder)> Years(string sourceFolder) =>
        Directory.Exists(sourceFolder)
            ? Directory.GetDirectories(sourceFolder, YearPrefix + "*").Order(StringComparer.Ordinal)
                .Select(d => (Ok: int.TryParse(Path.GetFileName(d)[YearPrefix.Length..], out var y), y, d))
                .Where(x => x.Ok).Select(x => (x.y, x.d))
            : [];

    /// <summary>The folder or file name of a source's partition (<c>source=&lt;id&gt;</c>), to tell the lake's known sources from stale ones.</summary>
    public static string SourceName(string sourceId) => SourcePrefix + sourceId;
}
