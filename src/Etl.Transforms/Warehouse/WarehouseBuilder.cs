using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Builds a warehouse file, in order: reference and meta tables (<see cref="ReferenceLoader"/>, <see cref="MetaTables"/>),
/// the <c>lake</c> views over the Parquet of the lake (<see cref="LakeViews"/>), every model in dependency order
/// (<see cref="ModelRunner"/>), then the documentation and data checks (<see cref="WarehouseChecks"/>). With the previous
/// published warehouse at hand, the build starts from a copy of it (<see cref="PreviousBuild"/>) and recomputes only what
/// changed in the lake, the reference data, the settings and the SQL (<see cref="BuildChanges"/>); otherwise, or when
/// forced, from scratch. Either way the result is the same. The file is new each time; it replaces the published
/// warehouse only at publish.
/// </summary>
public sealed class WarehouseBuilder(LakeCatalog lake)
{
    /// <summary>Changes whenever a warehouse built by an older builder cannot be the start of an incremental build.</summary>
    public const string Version = "warehouse/2";
    static readonly ILogger Log = Serilog.Log.ForContext<WarehouseBuilder>();
    static readonly string[] BuildSchemas = ["ref", "meta"];

    /// <param name="previousWarehouse">The published warehouse to start from, or null to build from scratch.</param>
    /// <param name="release">The extract of each source this build reads, and the published warehouse whose release history
    /// (<see cref="ReleaseHistory"/>) it carries on, even when built from scratch; null: no history (a build outside a run).</param>
    public WarehouseBuild Build(string buildFile, SqlProject project, PipelineDefinitions definitions, DataLayout layout,
        string runId, string fingerprint, string? previousWarehouse = null,
        (IReadOnlyList<BuildExtract> Extracts, string? PublishedWarehouse)? release = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(buildFile)!);
        Delete(buildFile);
        var settings = definitions.Settings ?? new WarehouseSettings();
        var spill = settings.DuckDb.SpillDirectory(layout.DataDir, layout.RunStaging(runId));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var previous = StartFrom(previousWarehouse, buildFile, sw);

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
            ReferenceLoader.Load(c, project, definitions, settings);
            LakeViews.Create(c, layout, lake);
            var partitions = LakePartitions.Scan(layout, lake);
            MetaTables.LoadInputs(c, layout, partitions);
            c.Execute("COMMIT");
            var newRelease = ReleaseHistory.Start(c, release?.PublishedWarehouse, runId, release?.Extracts ?? []);
            Log.Information("Reference, meta and lake views loaded ({Partitions} lake partitions) at {Seconds:0.00} s", partitions.Count,
                sw.Elapsed.TotalSeconds);

            var changes = previous is null ? [] : BuildChanges.Since(previous, c, partitions, variables, lake);
            // The release history changes when the build reads another set of extracts; then what reads it is computed again.
            foreach (var table in ReleaseHistory.Tables) changes[table] = newRelease ? Change.Everything : Change.None;
            var models = new ModelRunner(c, variables).Run(project, changes, previous?.Models ?? []);
            ReleaseHistory.Finish(c, runId);
            build = new WarehouseBuild(previous is null ? "full" : "incremental", previous?.RunId, models);
            MetaTables.RecordBuild(c, project, build, runId, fingerprint);
            Log.Information("Models built at {Seconds:0.00} s", sw.Elapsed.TotalSeconds);

            WarehouseChecks.Run(c, project);
            Log.Information("Documentation and {Checks} data checks passed at {Seconds:0.00} s", project.Checks.Count, sw.Elapsed.TotalSeconds);
            c.Execute("CHECKPOINT");
            Log.Information("Warehouse written at {Seconds:0.00} s", sw.Elapsed.TotalSeconds);
        }
        if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        return build;
    }

    /// <summary>Copies the published warehouse to the build file and reads what it held; null (and no copy) to build from scratch.</summary>
    static PreviousBuild? StartFrom(string? previousWarehouse, string buildFile, System.Diagnostics.Stopwatch sw)
    {
        if (previousWarehouse is null || !File.Exists(previousWarehouse)) return null;
        File.Copy(previousWarehouse, buildFile);
        Log.Information("Starting from the published build ({Bytes:N0} bytes copied in {Seconds:0.00} s)",
            new FileInfo(buildFile).Length, sw.Elapsed.TotalSeconds);
        var previous = PreviousBuild.Read(buildFile);
        if (previous is not null) return previous;
        Log.Information("The published warehouse was built by another builder or DuckDB version: building from scratch");
        Delete(buildFile);
        return null;
    }

    static void Delete(string file)
    {
        foreach (var f in new[] { file, file + ".wal" }) if (File.Exists(f)) File.Delete(f);
    }
}
