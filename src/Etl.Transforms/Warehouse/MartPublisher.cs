using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Exports every mart (<c>marts.*</c> table or view) of a finished build as Parquet: hive-partitioned by year when the mart has a
/// year column (year kept in the files too), rows ordered so reruns give identical files, each file carrying its description,
/// columns, method version, extracts and run in its key-value metadata (<see cref="MartMetadata"/>). What the build did not
/// change is not written again: a file whose rows and metadata are those of the previous published build's file is
/// hard-linked from it (and keeps the run id of the build that first wrote it). Then <c>_catalog.json</c> and
/// <c>views.sql</c> describe the whole folder (<see cref="MartCatalogFiles"/>).
/// </summary>
public sealed class MartPublisher
{
    static readonly ILogger Log = Serilog.Log.ForContext<MartPublisher>();

    /// <param name="previousMarts">The marts folder of the published build before this one, or null.</param>
    public IReadOnlyList<(string Mart, long Rows, string Written)> Export(string buildFile, string martsDir, string? previousMarts,
        DuckDbSettings settings, string spillDirectory)
    {
        if (Directory.Exists(martsDir)) Directory.Delete(martsDir, recursive: true);
        Directory.CreateDirectory(martsDir);
        var marts = new List<(string, long, string)>();
        var outcomes = new List<(string Mart, string Written)>();
        using var c = settings.Open(buildFile, spillDirectory);
        var catalog = WarehouseCatalog.Read(c);
        if (previousMarts is not null && !Directory.Exists(previousMarts)) previousMarts = null;
        var incremental = previousMarts is not null && catalog.Mode == "incremental";
        foreach (var r in c.Rows("""
                     SELECT t.table_name, m.partition_by, coalesce(m.changed, 'all'),
                            EXISTS (SELECT 1 FROM duckdb_columns() AS k
                                    WHERE k.schema_name = 'marts' AND k.table_name = t.table_name AND k.column_name = 'year')
                     FROM information_schema.tables AS t LEFT JOIN meta.models AS m ON m.model = 'marts.' || t.table_name
                     WHERE t.table_schema = 'marts' AND t.table_catalog = current_database()
                     ORDER BY 1
                     """))
        {
            var (mart, partitionBy, changed, hasYear) = ((string)r[0]!, (string?)r[1], (string)r[2]!, (bool)r[3]!);
            var table = $"marts.{DuckDb.Identifier(mart)}";
            var changedYears = changed is "all" or "none" || partitionBy != "year" ? null : changed.Split(", ").ToHashSet();
            // The rows of a file are those of the previous build when the build says the mart, or the file's year, did not change.
            bool SameRows(string? year) => incremental && (changed == "none" || (year is not null && changedYears?.Contains(year) == false));
            var files = hasYear
                ? c.Rows($"SELECT DISTINCT year FROM {table} ORDER BY 1").Select(y => y[0] is null ? "NULL" : Convert.ToString(y[0], System.Globalization.CultureInfo.InvariantCulture)!)
                    .Select(y => (Year: (string?)y, Query: $"SELECT * FROM {table} WHERE year {(y == "NULL" ? "IS NULL" : "= " + y)} ORDER BY ALL",
                        Relative: Path.Combine(mart, $"year={y}", LakePaths.FirstPart))).ToList()
                : [];
            // A mart without rows (release_diffs before any release) is one empty file: readers still see its columns.
            if (files.Count == 0) files = [(Year: null, Query: $"SELECT * FROM {table} ORDER BY ALL", Relative: Path.Combine(mart, LakePaths.FirstPart))];
            var written = new List<string>();
            foreach (var (year, query, relative) in files)
            {
                var metadata = MartMetadata.For(catalog, mart, year is null or "NULL" ? null : int.Parse(year));
                var previous = previousMarts is null ? null : Path.Combine(previousMarts, relative);
                var file = Path.Combine(martsDir, relative);
                if (!Publish(c, query, file, previous, metadata, catalog.RunId, SameRows(year))) written.Add(year ?? "all");
            }
            outcomes.Add((mart, written.Count == 0 && files.Count > 0 ? "unchanged, linked"
                : written.Count == files.Count || !hasYear ? "written"
                : $"years {string.Join(", ", written)} written, the others linked"));
        }
        // Rows from the written files' footers, which the catalogue reads anyway: counting the mart itself would compute a
        // view (country_product_rca: every year's RCA, minutes at a full release) a second time.
        var rows = MartCatalogFiles.Write(c, catalog, martsDir);
        foreach (var (mart, what) in outcomes)
        {
            var count = rows.GetValueOrDefault(mart);
            marts.Add((mart, count, what));
            Log.Information("Published marts.{Mart}: {Rows:N0} rows ({Written})", mart, count, what);
        }
        return marts;
    }

    /// <summary>
    /// Puts one file in place; true when it is the previous build's file, hard-linked. The previous file is linked straight
    /// away when the build says its rows did not change and its metadata (the run id aside) is what would be written now.
    /// Otherwise the file is written by one ordered COPY (a partitioned COPY writes row groups in whatever order its threads
    /// finish, so its files differ from run to run); when the previous file says the same, it is written with that file's
    /// run id and compared: identical bytes (a forced rebuild of the same inputs) are the previous file, linked.
    /// </summary>
    static bool Publish(DuckDB.NET.Data.DuckDBConnection c, string query, string file, string? previous, MartMetadata metadata,
        string runId, bool sameRows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var previousRun = previous is null ? null : metadata.RunIdIfSame(c, previous);
        if (previousRun is not null && sameRows)
        {
            PosixFiles.LinkOrCopy(previous!, file);
            return true;
        }
        Write(c, query, file, metadata, previousRun ?? runId);
        if (previousRun is null) return false;
        if (SameBytes(file, previous!))
        {
            File.Delete(file);
            PosixFiles.LinkOrCopy(previous!, file);
            return true;
        }
        Write(c, query, file, metadata, runId);
        return false;
    }

    static void Write(DuckDB.NET.Data.DuckDBConnection c, string query, string file, MartMetadata metadata, string runId) =>
        c.Execute($"COPY ({query}) TO {DuckDb.Literal(file.Replace('\\', '/'))} (FORMAT parquet, {metadata.CopyOption(runId)})");

    static bool SameBytes(string a, string b)
    {
        var (x, y) = (new FileInfo(a), new FileInfo(b));
        if (x.Length != y.Length) return false;
        using var fa = File.OpenRead(a);
        using var fb = File.OpenRead(b);
        var (ba, bb) = (new byte[1 << 16], new byte[1 << 16]);
        int n;
        while ((n = fa.ReadAtLeast(ba, ba.Length, throwOnEndOfStream: false)) > 0)
        {
            fb.ReadExactly(bb, 0, n);
            if (!ba.AsSpan(0, n).SequenceEqual(bb.AsSpan(0, n))) return false;
        }
        return true;
    }
}
