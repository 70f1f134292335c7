using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Builds a warehouse file: reference and meta tables, the <c>lake</c> views over the Parquet of the lake, every
/// model in dependency order, then the documentation check and the data checks. With the previous published
/// warehouse at hand, the build starts from a copy of it and recomputes only what changed in the lake, the reference
/// data, the settings and the SQL (<see cref="ModelRunner"/>); otherwise, or when forced, from scratch. Either way
/// the result is the same. The file is new each time; it replaces the published warehouse only at publish.
/// </summary>
public sealed class WarehouseBuilder(LakeCatalog lake)
{
    /// <summary>Changes whenever a warehouse built by an older builder cannot be the start of an incremental build.</summary>
    public const string Version = "warehouse/2";
    static readonly ILogger Log = Serilog.Log.ForContext<WarehouseBuilder>();
    static readonly string[] BuildSchemas = ["ref", "meta"];

    /// <param name="previousWarehouse">The published warehouse to start from, or null to build from scratch.</param>
    public WarehouseBuild Build(string buildFile, SqlProject project, PipelineDefinitions definitions, DataLayout layout,
        string runId, string fingerprint, string? previousWarehouse = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(buildFile)!);
        Delete(buildFile);
        var settings = definitions.Settings ?? new WarehouseSettings();
        var spill = settings.DuckDb.SpillDirectory(layout.DataDir, layout.RunStaging(runId));
        Previous? previous = null;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        if (previousWarehouse is not null && File.Exists(previousWarehouse))
        {
            File.Copy(previousWarehouse, buildFile);
            Log.Information("Starting from the published build ({Bytes:N0} bytes copied in {Seconds:0.00} s)",
                new FileInfo(buildFile).Length, sw.Elapsed.TotalSeconds);
            previous = Previous.Read(buildFile);
            if (previous is null)
            {
                Log.Information("The published warehouse was built by another builder or DuckDB version: building from scratch");
                Delete(buildFile);
            }
        }

        WarehouseBuild build;
        using (var c = settings.DuckDb.Open(buildFile, spill))
        {
            // Tables are compared by content and exported in order, so their row order does not matter: not keeping it
            // lets large results stream instead of being held. (Publishing keeps it: ordered Parquet, identical files.)
            c.Execute("SET preserve_insertion_order = false");
            var variables = settings.Entries.ToDictionary(e => e.Name, e => e.Value);
            foreach (var (name, value) in variables) c.Execute($"SET VARIABLE {name} = {value}");
            // Many small inserts: one transaction, not one commit each.
            c.Execute("BEGIN TRANSACTION");
            foreach (var schema in BuildSchemas) c.Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            foreach (var schema in BuildSchemas.Concat(SqlProject.Layers)) c.Execute($"CREATE SCHEMA IF NOT EXISTS {schema}");
            RunSeeds(c, project);
            var (referenceStart, referenceCpu) = (sw.Elapsed, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);
            ReferenceLoader.Load(c, definitions, settings);
            Log.Information("Reference tables loaded in {Seconds:0.000} s ({CpuSeconds:0.000} s of processor time)", (sw.Elapsed - referenceStart).TotalSeconds,
                (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - referenceCpu).TotalSeconds);
            LakeViews.Create(c, layout, lake);
            var partitions = LakePartitions.Scan(layout, lake);
            LoadMeta(c, layout, partitions);
            c.Execute("COMMIT");

            Log.Information("Reference, meta and lake views loaded ({Partitions} lake partitions) at {Seconds:0.00} s", partitions.Count,
                sw.Elapsed.TotalSeconds);
            var changes = previous is null
                ? new Dictionary<string, Change>()
                : Changes(c, previous, partitions, variables);
            var models = new ModelRunner(c, variables).Run(project, changes, previous?.Models ?? new Dictionary<string, PreviousModel>());
            build = new WarehouseBuild(previous is null ? "full" : "incremental", previous?.RunId, models);

            c.Execute("BEGIN TRANSACTION");
            c.Execute("INSERT INTO meta.build VALUES ($1, $2, now(), $3, version(), $4, $5, current_setting('memory_limit'), " +
                      "current_setting('threads'), current_setting('temp_directory'))", runId, fingerprint, Version, build.Mode, build.PreviousRunId);
            foreach (var (m, r) in project.Models.Zip(models))
                c.Execute("INSERT INTO meta.models VALUES ($1, $2, $3, $4, $5, $6::VARCHAR[], $7, $8, $9, $10)", r.Model, r.Materialized,
                    m.Config.PartitionBy, m.Config.PartitionBy is null ? null : m.Config.LookbackSetting ?? m.Config.LookbackYears.ToString(),
                    m.Hash, "[" + string.Join(", ", m.Reads.Select(DuckDb.Literal)) + "]", r.Rows, r.Rebuilt, r.Changed, r.Seconds);
            c.Execute("COMMIT");
            Log.Information("Models built at {Seconds:0.00} s", sw.Elapsed.TotalSeconds);
            CheckDocumented(c, project);
            foreach (var check in project.Checks) RunCheck(c, check);
            Log.Information("Documentation and {Checks} data checks passed at {Seconds:0.00} s", project.Checks.Count, sw.Elapsed.TotalSeconds);
            c.Execute("CHECKPOINT");
            Log.Information("Warehouse written at {Seconds:0.00} s", sw.Elapsed.TotalSeconds);
        }
        if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        return build;
    }

    static void Delete(string file)
    {
        foreach (var f in new[] { file, file + ".wal" }) if (File.Exists(f)) File.Delete(f);
    }

    /// <summary>What the build being started from held, read before its ref and meta schemas are replaced.</summary>
    sealed record Previous(string RunId, IReadOnlyList<LakePartition> Partitions, Dictionary<string, string> RefTables,
        Dictionary<string, string> Settings, Dictionary<string, PreviousModel> Models)
    {
        public static Previous? Read(string file)
        {
            using var c = DuckDb.Open(file);
            try
            {
                var build = c.Rows("SELECT run_id, builder_version, duckdb_version = version() FROM meta.build").SingleOrDefault();
                if (build is null || (string)build[1]! != Version || !(bool)build[2]!) return null;
                return new Previous((string)build[0]!,
                    c.Rows("SELECT table_name, source_id, year, files, bytes, fingerprint FROM meta.lake_partitions")
                        .Select(r => new LakePartition((string)r[0]!, (string)r[1]!, r[2] is null ? null : Convert.ToInt32(r[2]),
                            Convert.ToInt32(r[3]), Convert.ToInt64(r[4]), (string)r[5]!)).ToList(),
                    TableFingerprints(c),
                    c.Rows("SELECT name, value FROM ref.settings").ToDictionary(r => (string)r[0]!, r => (string)r[1]!),
                    c.Rows("SELECT model, sql_hash, partition_by FROM meta.models")
                        .ToDictionary(r => (string)r[0]!, r => new PreviousModel((string)r[1]!, (string?)r[2])));
            }
            catch (DuckDBException)
            {
                return null; // not a warehouse of this builder
            }
        }
    }

    /// <summary>A fingerprint of each ref table's content (row count and a sum of row hashes).</summary>
    static Dictionary<string, string> TableFingerprints(DuckDBConnection c) =>
        c.Rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'ref' AND database_name = current_database()")
            .Select(r => (string)r[0]!)
            .ToDictionary(t => "ref." + t, t => c.Scalar<string>(
                $"SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(t)), 0)::VARCHAR FROM ref.{DuckDb.Identifier(t)} AS t"));

    /// <summary>What changed since the previous build in the lake views, the reference tables and the settings.</summary>
    Dictionary<string, Change> Changes(DuckDBConnection c, Previous previous, IReadOnlyList<LakePartition> partitions,
        IReadOnlyDictionary<string, string> variables)
    {
        var changes = LakePartitions.Compare(previous.Partitions, partitions, lake);
        foreach (var (table, fp) in TableFingerprints(c))
            changes[table] = previous.RefTables.TryGetValue(table, out var old) && old == fp ? Change.None : Change.Everything;
        foreach (var (name, value) in variables)
            changes["setting:" + name] = previous.Settings.TryGetValue(name, out var old) && old == value ? Change.None : Change.Everything;
        foreach (var (relation, change) in changes.Where(x => !x.Value.IsNone).OrderBy(x => x.Key, StringComparer.Ordinal))
            Log.Information("Changed since the previous build: {Relation} ({Change})", relation, change);
        return changes;
    }

    static void RunSeeds(DuckDBConnection c, SqlProject project)
    {
        var seeds = Path.Combine(project.Directory, "seeds");
        if (!Directory.Exists(seeds)) return;
        foreach (var f in Directory.GetFiles(seeds, "*.sql").Order(StringComparer.Ordinal))
        {
            try
            {
                c.Execute(File.ReadAllText(f));
            }
            catch (DuckDBException e)
            {
                throw new PipelineException("transform", e.Message.ReplaceLineEndings(" "), "Fix the seed's SQL.", file: f, inner: e);
            }
        }
    }

    static void LoadMeta(DuckDBConnection c, DataLayout layout, IReadOnlyList<LakePartition> partitions)
    {
        c.Append("meta", "extracts", Manifest.ReadAll(layout).Select(e => new object?[]
            { e.Source, e.Role, e.Location, e.Bytes, e.Sha256, e.FetchedAt.UtcDateTime, e.Path, e.Changed, e.ETag, e.LastModified, e.RunId }));
        IEnumerable<string> runs = Directory.Exists(layout.RunsDir) ? Directory.GetDirectories(layout.RunsDir).Order(StringComparer.Ordinal) : [];
        c.Append("meta", "runs", runs.SelectMany(dir => StageNames.InOrder
            .Select(stage => RunLedger.Read<StageReport>(layout, Path.GetFileName(dir), stage)).OfType<StageReport>()
            .Select(r => new object?[] { Path.GetFileName(dir), r.Stage, r.Status, r.Rows, r.Unit, r.QuarantinedRows, r.Seconds, r.Error })));
        c.Append("meta", "lake_partitions", partitions.Select(p => new object?[]
            { p.Table, p.Source, p.Year, p.Files, p.Bytes, p.Fingerprint }));
    }

    /// <summary>
    /// Every column of every table and view of the warehouse's own schemas must carry a COMMENT ON: the data dictionary
    /// is part of the product. (The lake views are documented column by column by the staging models that read them.)
    /// </summary>
    static void CheckDocumented(DuckDBConnection c, SqlProject project)
    {
        var missing = c.Rows("""
            SELECT schema_name || '.' || table_name || '.' || column_name
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND NOT internal AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]!).ToList();
        missing.AddRange(c.Rows("""
            SELECT schema_name || '.' || table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND (comment IS NULL OR trim(comment) = '')
            UNION ALL
            SELECT schema_name || '.' || view_name FROM duckdb_views()
            WHERE database_name = current_database() AND schema_name IN ('lake', 'staging', 'intermediate', 'marts')
              AND NOT internal AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]! + " (table)"));
        if (missing.Count > 0)
            throw new PipelineException("transform",
                $"undocumented: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}",
                "Add COMMENT ON TABLE / VIEW / COLUMN statements to the model that creates them.", file: project.Directory);
    }

    static void RunCheck(DuckDBConnection c, SqlCheck check)
    {
        List<object?[]> rows;
        try
        {
            rows = c.Rows(check.Sql);
        }
        catch (DuckDBException e)
        {
            throw new PipelineException("transform", $"check {check.Name} does not run: {e.Message.ReplaceLineEndings(" ")}",
                "Fix the check's SQL.", file: check.File, inner: e);
        }
        if (rows.Count == 0) return;
        var example = string.Join(", ", rows[0].Select(v => v?.ToString() ?? "NULL"));
        throw new PipelineException("transform", $"check {check.Name} failed: {rows.Count} offending row(s), first: ({example})",
            "Nothing was published; the last good warehouse is unchanged. Inspect the inputs or the models.", file: check.File);
    }
}
