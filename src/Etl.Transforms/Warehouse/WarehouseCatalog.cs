using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// What a built warehouse says about itself: every model (<c>meta.models</c>, with the comments and columns of DuckDB's
/// catalogue), the lineage between them (what a model reads, what reads it), the sources each model comes from (its
/// lake tables through <c>meta.lake_partitions</c>, their extracts through <c>meta.extracts</c>) and the build
/// (<c>meta.build</c>). Read once; the site, the Parquet metadata and the workbooks all describe the data from it.
/// </summary>
public sealed class WarehouseCatalog
{
    readonly Dictionary<string, ModelInfo> _models;
    readonly Dictionary<string, List<(string Source, int? Year)>> _lakeSources;

    WarehouseCatalog(Dictionary<string, ModelInfo> models, Dictionary<string, List<(string Source, int? Year)>> lakeSources,
        IReadOnlyList<SourceExtract> sources, string runId, DateTime builtAt, string mode)
    {
        _models = models;
        _lakeSources = lakeSources;
        Sources = sources;
        RunId = runId;
        BuiltAt = builtAt;
        Mode = mode;
    }

    /// <summary>Every model, in build order.</summary>
    public IReadOnlyList<ModelInfo> Models => _models.Values.ToList();

    /// <summary>Every source with its latest extracts, by id.</summary>
    public IReadOnlyList<SourceExtract> Sources { get; }

    /// <summary>The run that built the warehouse, when, and how (full or incremental).</summary>
    public string RunId { get; }
    public DateTime BuiltAt { get; }
    public string Mode { get; }

    /// <summary>lookback_years as a number: written as one, or the name of a setting (ref.settings); 0 when not given.</summary>
    static int Lookback(string? value, Dictionary<string, string> settings) =>
        value is null ? 0
        : int.TryParse(value, out var n) ? n
        : settings.TryGetValue(value, out var s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? (int)d
        : throw new InvalidOperationException($"lookback_years '{value}' is neither a number nor a setting");

    public ModelInfo? Model(string model) => _models.GetValueOrDefault(model);

    /// <summary>The sources with partitions in the lake tables <paramref name="tables"/> (e.g. fao_observations).</summary>
    public IReadOnlySet<string> LakeSources(params string[] tables) =>
        tables.SelectMany(t => _lakeSources.GetValueOrDefault(t, [])).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);

    /// <summary>The models that read <paramref name="model"/> directly.</summary>
    public IReadOnlyList<string> ReadBy(string model) =>
        _models.Values.Where(m => m.DependsOn.Contains(model)).Select(m => m.Model).ToList();

    /// <summary>
    /// The sources whose lake partitions <paramref name="model"/> reads, directly or through other models, by id. With
    /// <paramref name="year"/>, those its rows of that year read: a model partitioned by year promises that year y reads
    /// years y - lookback ... y of what it reads, so along a path of such models the years widen by each lookback; past a
    /// model that is not partitioned, every year counts.
    /// </summary>
    public IReadOnlyList<SourceExtract> SourcesOf(string model, int? year = null)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int?)>();
        void Visit(string m, int? from, int? to)
        {
            if (!seen.Add((m, from))) return;
            if (m.StartsWith("lake.", StringComparison.Ordinal) && _lakeSources.TryGetValue(m[5..], out var partitions))
                ids.UnionWith(partitions.Where(p => from is null || p.Year is null || (p.Year >= from && p.Year <= to)).Select(p => p.Source));
            if (!_models.TryGetValue(m, out var info)) return;
            var byYear = from is not null && info.PartitionBy is not null;
            foreach (var d in info.DependsOn) Visit(d, byYear ? from - info.LookbackYears : null, byYear ? to : null);
        }
        Visit(model, year, year);
        return Sources.Where(s => ids.Contains(s.Source)).ToList();
    }

    public static WarehouseCatalog Read(DuckDBConnection c)
    {
        var comments = c.Rows("""
            SELECT schema_name || '.' || table_name, comment FROM duckdb_tables() WHERE database_name = current_database()
            UNION ALL
            SELECT schema_name || '.' || view_name, comment FROM duckdb_views() WHERE database_name = current_database() AND NOT internal
            """).ToDictionary(r => (string)r[0]!, r => (string?)r[1] ?? "");
        var columns = c.Rows("""
            SELECT schema_name || '.' || table_name, column_name, data_type, comment FROM duckdb_columns()
            WHERE database_name = current_database() ORDER BY schema_name, table_name, column_index
            """).GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key,
                g => (IReadOnlyList<ModelColumn>)g.Select(r => new ModelColumn((string)r[1]!, (string)r[2]!, (string?)r[3] ?? "",
                    ColumnUnits.Of((string)r[1]!, (string)r[2]!))).ToList());
        var models = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        var settings = c.Rows("SELECT name, value FROM ref.settings").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var r in c.Rows("SELECT model, materialized, depends_on, rows, recomputed, changed, sql_hash, partition_by, lookback_years FROM meta.models"))
        {
            var name = (string)r[0]!;
            var depends = ((System.Collections.IEnumerable)r[2]!).Cast<object?>().Select(o => (string)o!).ToList();
            models[name] = new ModelInfo(name, (string)r[1]!, depends, r[3] is null ? null : Convert.ToInt64(r[3]), (string)r[4]!,
                (string)r[5]!, (string)r[6]!, comments.GetValueOrDefault(name, ""), columns.GetValueOrDefault(name, []), (string?)r[7],
                Lookback((string?)r[8], settings));
        }
        var lakeSources = c.Rows("SELECT DISTINCT table_name, source_id, year FROM meta.lake_partitions ORDER BY 1, 2, 3")
            .GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.Select(r => ((string)r[1]!, r[2] is null ? (int?)null : Convert.ToInt32(r[2]))).ToList());
        // A source's extracts are the files of its latest fetch (a folder or an API query is several files).
        var sources = c.Rows("""
            WITH latest AS (SELECT source, max(fetched_at) AS at FROM meta.extracts GROUP BY source)
            SELECT e.source, list(DISTINCT substr(e.sha256, 1, 16) ORDER BY substr(e.sha256, 1, 16)), min(e.location), l.at
            FROM meta.extracts AS e JOIN latest AS l USING (source)
            WHERE e.run_id IS NOT DISTINCT FROM (SELECT x.run_id FROM meta.extracts AS x WHERE x.source = e.source ORDER BY x.fetched_at DESC LIMIT 1)
            GROUP BY e.source, l.at ORDER BY 1
            """).Select(r => new SourceExtract((string)r[0]!, ((System.Collections.IEnumerable)r[1]!).Cast<object?>().Select(o => (string)o!).ToList(),
                (string)r[2]!, Convert.ToDateTime(r[3]))).ToList();
        var build = c.Rows("SELECT run_id, built_at, mode FROM meta.build").Single();
        var builtAt = build[1] switch { DateTimeOffset o => o.UtcDateTime, DateTime t => t, var v => Convert.ToDateTime(v) };
        return new WarehouseCatalog(models, lakeSources, sources, (string)build[0]!, builtAt, (string)build[2]!);
    }
}
