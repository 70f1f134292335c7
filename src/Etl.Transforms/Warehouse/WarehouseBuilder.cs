using System.Diagnostics;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Pull;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>Rows of one model after a build.</summary>
public sealed record ModelResult(string Model, long Rows, double Seconds);

/// <summary>
/// Builds a complete warehouse file from the lake: seeds (DDL of the tables the pipeline loads), reference
/// and meta rows, every model in dependency order, then the checks and the documentation check, all in
/// one transaction. The file is new each time; it replaces the published warehouse only at publish.
/// </summary>
public sealed class WarehouseBuilder
{
    static readonly ILogger Log = Serilog.Log.ForContext<WarehouseBuilder>();

    public IReadOnlyList<ModelResult> Build(string buildFile, SqlProject project, PipelineDefinitions definitions,
        DataLayout layout, string runId, string fingerprint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(buildFile)!);
        foreach (var f in new[] { buildFile, buildFile + ".wal" }) if (File.Exists(f)) File.Delete(f);

        var results = new List<ModelResult>();
        using (var c = DuckDb.Open(buildFile))
        {
            c.Execute($"SET VARIABLE lake_dir = {DuckDb.Literal(layout.LakeDir.Replace('\\', '/'))}");
            var settings = definitions.Settings ?? new WarehouseSettings();
            foreach (var (name, value, _) in settings.Entries) c.Execute($"SET VARIABLE {name} = {value}");
            CreateLakeViews(c, layout, Path.Combine(Path.GetDirectoryName(buildFile)!, "empty-tables"));
            c.Execute("BEGIN TRANSACTION");
            foreach (var schema in new[] { "ref", "meta" }.Concat(SqlProject.Layers)) c.Execute($"CREATE SCHEMA {schema}");
            RunSeeds(c, project);
            foreach (var (name, value, description) in settings.Entries)
                c.Execute("INSERT INTO ref.settings VALUES ($1, $2, $3)", name, value, description);
            LoadClusters(c, definitions);
            LoadCountries(c, definitions);
            LoadFaoItems(c, definitions);
            LoadMexico(c, definitions);
            LoadProducts(c, definitions);
            LoadDeflators(c, definitions);
            LoadExtracts(c, layout);
            LoadRuns(c, layout);
            c.Execute("INSERT INTO meta.build VALUES ($1, $2, now())", runId, fingerprint);

            foreach (var model in project.Models)
            {
                var sw = Stopwatch.StartNew();
                Run(c, model.File, model.Sql);
                if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2",
                        model.Layer, model.Name) == 0 &&
                    c.Scalar<long>("SELECT count(*) FROM duckdb_views() WHERE schema_name = $1 AND view_name = $2",
                        model.Layer, model.Name) == 0)
                    throw new PipelineException("transform", $"the file did not create {model.QualifiedName}",
                        "A model file must create the table named after its folder and file.", file: model.File);
                var rows = c.Scalar<long>($"SELECT count(*) FROM {model.Layer}.{DuckDb.Identifier(model.Name)}");
                results.Add(new ModelResult(model.QualifiedName, rows, sw.Elapsed.TotalSeconds));
                Log.Information("Built {Model}: {Rows:N0} rows in {Seconds:0.00} s", model.QualifiedName, rows, sw.Elapsed.TotalSeconds);
            }

            CheckDocumented(c, project);
            foreach (var check in project.Checks) RunCheck(c, check);
            c.Execute("COMMIT");
            c.Execute("CHECKPOINT");
        }
        return results;
    }

    /// <summary>
    /// One temporary view per lake table, <c>lake_&lt;table&gt;</c>, for the staging models to read: the table's Parquet
    /// files with their <c>source</c> (and <c>year</c>) partition columns, or, when no source wrote the table yet,
    /// an empty table of the same columns, so every model builds whatever sources are defined.
    /// </summary>
    static void CreateLakeViews(DuckDBConnection c, DataLayout layout, string emptyDir)
    {
        foreach (var table in Normalize.SourceConnectors.Tables)
        {
            var root = Path.Combine(layout.NormalizedDir, table.Name);
            var hasFiles = Directory.Exists(root) && Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Any();
            var partitions = table.ByYear ? "{'source': VARCHAR, 'year': INTEGER}" : "{'source': VARCHAR}";
            string select;
            if (hasFiles)
                select = $"SELECT * FROM read_parquet({DuckDb.Literal(table.Glob(layout.NormalizedDir))}, hive_partitioning = true, " +
                         $"hive_types = {partitions}, union_by_name = true)";
            else
            {
                var empty = Path.Combine(emptyDir, table.Name + ".parquet");
                Directory.CreateDirectory(emptyDir);
                Task.Run(async () => await (await Parquet.ParquetTableWriter.CreateAsync(empty, table.Columns(), 1, CancellationToken.None))
                    .DisposeAsync()).GetAwaiter().GetResult();
                select = $"SELECT *, NULL::VARCHAR AS source{(table.ByYear ? ", NULL::INTEGER AS year" : "")} " +
                         $"FROM read_parquet({DuckDb.Literal(empty.Replace('\\', '/'))})";
            }
            c.Execute($"CREATE TEMP VIEW lake_{table.Name} AS {select}");
        }
    }

    static void Run(DuckDBConnection c, string file, string sql)
    {
        try
        {
            c.Execute(sql);
        }
        catch (DuckDBException e)
        {
            throw new PipelineException("transform", e.Message.ReplaceLineEndings(" "),
                "Fix the SQL of this model (nothing was published; the last good warehouse is unchanged).", file: file, inner: e);
        }
    }

    static void RunSeeds(DuckDBConnection c, SqlProject project)
    {
        var seeds = Path.Combine(project.Directory, "seeds");
        if (!Directory.Exists(seeds)) return;
        foreach (var f in Directory.GetFiles(seeds, "*.sql").Order(StringComparer.Ordinal)) Run(c, f, File.ReadAllText(f));
    }

    static void LoadClusters(DuckDBConnection c, PipelineDefinitions definitions)
    {
        foreach (var cl in definitions.Clusters)
        {
            c.Execute("INSERT INTO ref.clusters VALUES ($1, $2, $3, $4, $5, $6, $7)", cl.Id, cl.Name, cl.Country, cl.Region,
                cl.HsVintage, cl.Provenance, Path.GetFileName(cl.DefinitionFile));
            foreach (var hs in cl.HsCodes) c.Execute("INSERT INTO ref.cluster_hs_codes VALUES ($1, $2)", cl.Id, hs);
            foreach (var item in cl.FaoItems) c.Execute("INSERT INTO ref.cluster_fao_items VALUES ($1, $2)", cl.Id, item);
            foreach (var code in cl.Scian) c.Execute("INSERT INTO ref.cluster_scian VALUES ($1, $2)", cl.Id, code);
            foreach (var key in cl.InegiRegions) c.Execute("INSERT INTO ref.cluster_regions VALUES ($1, $2)", cl.Id, key);
            foreach (var peer in cl.Peers) c.Execute("INSERT INTO ref.cluster_peers VALUES ($1, $2)", cl.Id, peer);
        }
    }

    static void LoadCountries(DuckDBConnection c, PipelineDefinitions definitions)
    {
        foreach (var r in definitions.Countries?.Countries ?? [])
            c.Execute("INSERT INTO ref.countries VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                r.Entity, r.Iso3, r.Iso2, r.M49, r.FaoCode, r.ComtradeCode, r.BaciCode, r.NameEn, r.NameEs, r.ValidFrom, r.ValidTo,
                r.Kind, r.IsAggregate, r.Note);
    }

    static void LoadFaoItems(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var file = Reference.FaoItemReference.PathIn(definitions.Directory);
        if (!File.Exists(file)) return;
        foreach (var r in Reference.FaoItemReference.Load(file))
            c.Execute("INSERT INTO ref.fao_items VALUES ($1, $2, $3, $4, $5)", r.ItemCode, r.Item, r.CpcCode, r.HsVintage, r.HsCode);
    }

    static void LoadMexico(DuckDBConnection c, PipelineDefinitions definitions)
    {
        if (definitions.Mexico is not { } mx) return;
        foreach (var g in mx.Geo) c.Execute("INSERT INTO ref.mx_geo VALUES ($1, $2, $3, $4)", g.InegiKey, g.Level, g.Name, g.StateKey);
        foreach (var s in mx.Scian)
            c.Execute("INSERT INTO ref.scian VALUES ($1, $2, $3, $4, $5)", s.Code, s.TitleEs, s.ParentCode, s.Code.Replace("-", "").Length, s.Note);
    }

    static void LoadProducts(DuckDBConnection c, PipelineDefinitions definitions)
    {
        if (definitions.Hs is not { } hs) return;
        foreach (var p in hs.Products)
            c.Execute("INSERT INTO ref.products VALUES ($1, $2, $3, $4)", p.HsVintage, p.Code, p.Code.Length, p.Description);
        foreach (var a in hs.Concordance)
        foreach (var b in hs.Concordance.Where(b => b.Group == a.Group && b.HsVintage != a.HsVintage))
            c.Execute("INSERT INTO ref.hs_concordance VALUES ($1, $2, $3, $4, $5)", a.HsVintage, a.Code, b.HsVintage, b.Code, a.Group);
    }

    /// <summary>pipelines/reference/deflators.csv (series, year, value, source), read by DuckDB itself.</summary>
    static void LoadDeflators(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var file = Path.Combine(definitions.Directory, "reference", "deflators.csv");
        if (!File.Exists(file)) return;
        Run(c, file, $"INSERT INTO ref.deflators SELECT series, year, value, source FROM read_csv({DuckDb.Literal(file.Replace('\\', '/'))}, " +
                     "header = true, columns = {'series': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'source': 'VARCHAR'})");
    }

    static void LoadExtracts(DuckDBConnection c, DataLayout layout)
    {
        foreach (var e in Manifest.ReadAll(layout))
            c.Execute("INSERT INTO meta.extracts VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                e.Source, e.Role, e.Location, e.Bytes, e.Sha256, e.FetchedAt.UtcDateTime, e.Path, e.Changed, e.ETag,
                e.LastModified, e.RunId);
    }

    static void LoadRuns(DuckDBConnection c, DataLayout layout)
    {
        if (!Directory.Exists(layout.RunsDir)) return;
        string[] stages = [PullStage.Name, NormalizeStage.Name, TransformStage.Name, PublishStage.Name];
        foreach (var dir in Directory.GetDirectories(layout.RunsDir).Order(StringComparer.Ordinal))
        foreach (var stage in stages)
            if (RunLedger.Read<StageReport>(layout, Path.GetFileName(dir), stage) is { } r)
                c.Execute("INSERT INTO meta.runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", Path.GetFileName(dir), r.Stage,
                    r.Status, r.Rows, r.Unit, r.QuarantinedRows, r.Seconds, r.Error);
    }

    /// <summary>Every column of every table the build creates must carry a COMMENT ON: the data dictionary is part of the product.</summary>
    static void CheckDocumented(DuckDBConnection c, SqlProject project)
    {
        var missing = c.Rows("""
            SELECT schema_name || '.' || table_name || '.' || column_name
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]!).ToList();
        missing.AddRange(c.Rows("""
            SELECT schema_name || '.' || table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name IN ('ref', 'meta', 'staging', 'intermediate', 'marts')
              AND (comment IS NULL OR trim(comment) = '')
            ORDER BY 1
            """).Select(r => (string)r[0]! + " (table)"));
        if (missing.Count > 0)
            throw new PipelineException("transform",
                $"undocumented: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}",
                "Add COMMENT ON TABLE / COMMENT ON COLUMN statements to the model that creates them.", file: project.Directory);
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
