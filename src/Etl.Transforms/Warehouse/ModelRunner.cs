using System.Diagnostics;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Runs the models in dependency order, each as the table or view its config asks for, recomputing only what its
/// inputs changed: a model none of whose inputs (lake views, reference tables, settings, other models) changed is
/// kept as it is; a year-partitioned table whose inputs changed in some years recomputes those years and the years
/// that look back at them (<see cref="ModelConfig"/>); any other change rebuilds the model whole. After computing,
/// the new rows are compared with the old ones, so the models downstream see only what really changed.
/// </summary>
public sealed class ModelRunner(DuckDBConnection c, IReadOnlyDictionary<string, string> settings)
{
    static readonly ILogger Log = Serilog.Log.ForContext<ModelRunner>();

    /// <param name="changes">What changed in the relations models read: <c>lake.x</c>, <c>ref.x</c>, <c>setting:name</c>.
    /// Receives the models' own changes.</param>
    /// <param name="previous">The models of the previous build (empty for a build from scratch).</param>
    public IReadOnlyList<ModelResult> Run(SqlProject project, Dictionary<string, Change> changes,
        IReadOnlyDictionary<string, PreviousModel> previous)
    {
        _models = project.Models.ToDictionary(m => m.QualifiedName);
        var results = new List<ModelResult>();
        foreach (var model in project.Models)
        {
            var sw = Stopwatch.StartNew();
            var input = model.Reads.Select(r => changes.GetValueOrDefault(r, Change.None))
                .Concat(model.Settings.Select(s => changes.GetValueOrDefault("setting:" + s, Change.Everything)))
                .Aggregate(Change.None, (a, b) => a.Union(b));
            var existing = Existing(model);
            var old = previous.GetValueOrDefault(model.QualifiedName);
            var sameModel = old is not null && old.Hash == model.Hash && existing == model.Config.Materialized;
            var partition = model.Config.PartitionBy;
            var work = !sameModel ? Change.Everything
                : partition is null ? (input.IsNone ? Change.None : Change.Everything)
                : input.LookedBackBy(model.Config.Lookback(settings));

            // A model's statements and its COMMENT ONs in one transaction: one commit per model, not per statement.
            c.Execute("BEGIN TRANSACTION");
            Change changed;
            long? rows = null;
            if (model.Config.Materialized == Materialization.View)
            {
                if (existing == Materialization.Table) Execute(model, $"DROP TABLE {Name(model)}");
                Execute(model, $"CREATE OR REPLACE VIEW {Name(model)} AS {model.Query}");
                changed = work;
            }
            else if (work.IsNone)
                changed = Change.None;
            else
            {
                var comparable = existing == Materialization.Table && old?.PartitionBy == partition;
                changed = work.All ? Replace(model, existing, comparable) : ReplaceYears(model, work.Years);
                rows = c.Scalar<long>($"SELECT count(*) FROM {Name(model)}");
            }
            if (model.Config.Materialized == Materialization.Table && rows is null)
                rows = c.Scalar<long>($"SELECT count(*) FROM {Name(model)}");
            foreach (var statement in model.Documentation) Execute(model, statement);
            c.Execute("COMMIT");
            changes[model.QualifiedName] = changed;

            var materialized = model.Config.Materialized == Materialization.View ? "view" : "table";
            results.Add(new ModelResult(model.QualifiedName, materialized, rows, sw.Elapsed.TotalSeconds,
                model.Config.Materialized == Materialization.View ? "view" : work.ToString(), changed.ToString()));
            Log.Information("Built {Model} ({Materialized}{Partition}): recomputed {Rebuilt}, changed {Changed}, {Rows} rows in {Seconds:0.00} s",
                model.QualifiedName, materialized, partition is null ? "" : $" by {partition}", results[^1].Rebuilt, changed,
                rows?.ToString("N0") ?? "-", sw.Elapsed.TotalSeconds);
        }
        DropRemovedModels(project);
        return results;
    }

    Dictionary<string, SqlModel> _models = [];

    /// <summary>
    /// The years to compute a year-partitioned table in, one statement each, when it reads the lake (through views):
    /// aggregating a whole release at once would need memory in proportion to it (a BACI release is 250 million flows);
    /// a year at a time needs a year's. Null for any other model (one statement).
    /// </summary>
    IReadOnlyList<int>? YearsOf(SqlModel model)
    {
        if (model.Config.PartitionBy is null) return null;
        var lakeTables = LakeTablesRead(model).ToList();
        if (lakeTables.Count == 0) return null;
        var years = new SortedSet<int>(c.Rows(
                $"SELECT DISTINCT year FROM meta.lake_partitions WHERE year IS NOT NULL AND table_name IN ({string.Join(", ", lakeTables.Select(DuckDb.Literal))})")
            .Select(r => Convert.ToInt32(r[0])));
        foreach (var read in model.Reads)
            if (_models.GetValueOrDefault(read) is { Config: { Materialized: Materialization.Table, PartitionBy: { } column } })
                years.UnionWith(c.Rows($"SELECT DISTINCT {DuckDb.Identifier(column)} FROM {read} WHERE {DuckDb.Identifier(column)} IS NOT NULL")
                    .Select(r => Convert.ToInt32(r[0])));
        return years.ToList();
    }

    /// <summary>The lake tables a model reads, directly or through the views it reads.</summary>
    IEnumerable<string> LakeTablesRead(SqlModel model) =>
        model.Reads.SelectMany(r => r.StartsWith(LakeViews.Schema + ".", StringComparison.Ordinal) ? [r[(LakeViews.Schema.Length + 1)..]]
            : _models.GetValueOrDefault(r) is { Config.Materialized: Materialization.View } view ? LakeTablesRead(view) : []).Distinct();

    /// <summary>Computes the whole model into a new table and puts it in place of the old one.</summary>
    Change Replace(SqlModel model, Materialization? existing, bool comparable)
    {
        var next = $"{model.Layer}.{DuckDb.Identifier(model.Name + "__next")}";
        Execute(model, $"DROP TABLE IF EXISTS {next}");
        if (model.Config.Computed is { } computed)
            ComputeInto(model, ComputedModels.Find(computed)!, next, null);
        else if (YearsOf(model) is { Count: > 0 } years)
        {
            var column = DuckDb.Identifier(model.Config.PartitionBy!);
            Execute(model, $"CREATE TABLE {next} AS SELECT * FROM ({model.Query}) AS q WHERE q.{column} = {years[0]}");
            foreach (var year in years.Skip(1))
                Execute(model, $"INSERT INTO {next} SELECT * FROM ({model.Query}) AS q WHERE q.{column} = {year}");
            // Whatever falls outside the lake's years (rows the other inputs make), so the table is whole.
            Execute(model, $"INSERT INTO {next} SELECT * FROM ({model.Query}) AS q " +
                           $"WHERE q.{column} NOT IN ({string.Join(", ", years)}) OR q.{column} IS NULL");
        }
        else
            Execute(model, $"CREATE TABLE {next} AS {model.Query}");
        var changed = comparable ? Compare(model, Fingerprints(model, Name(model), null), Fingerprints(model, next, null))
            : Change.Everything;
        if (existing == Materialization.Table) Execute(model, $"DROP TABLE {Name(model)}");
        if (existing == Materialization.View) Execute(model, $"DROP VIEW {Name(model)}");
        Execute(model, $"ALTER TABLE {next} RENAME TO {DuckDb.Identifier(model.Name)}");
        return changed;
    }

    /// <summary>Computes the given years of a year-partitioned model in place of the old rows of those years.</summary>
    Change ReplaceYears(SqlModel model, IReadOnlySet<int> years)
    {
        var column = DuckDb.Identifier(model.Config.PartitionBy!);
        var inYears = $"{column} IN ({string.Join(", ", years)})";
        var before = Fingerprints(model, Name(model), inYears);
        Execute(model, $"DELETE FROM {Name(model)} WHERE {inYears}");
        if (model.Config.Computed is { } computed)
        {
            ComputeInto(model, ComputedModels.Find(computed)!, Name(model), years);
            return Compare(model, before, Fingerprints(model, Name(model), inYears));
        }
        // A model over the lake, a year at a time (see YearsOf); others in one statement.
        foreach (var batch in YearsOf(model) is null ? [years.ToList()] : years.Select(y => new List<int> { y }))
            Execute(model, $"INSERT INTO {Name(model)} SELECT * FROM ({model.Query}) AS q WHERE q.{column} IN ({string.Join(", ", batch)})");
        return Compare(model, before, Fingerprints(model, Name(model), inYears));
    }

    /// <summary>
    /// A computed model (<see cref="IComputedModel"/>) into <paramref name="table"/> (created when it does not exist): of a
    /// year-partitioned model, one call per year of its input (or of <paramref name="years"/>), else one call.
    /// </summary>
    void ComputeInto(SqlModel model, IComputedModel computed, string table, IReadOnlySet<int>? years)
    {
        var dot = table.IndexOf('.');
        var (schema, name) = (table[..dot], table[(dot + 1)..].Trim('"').Replace("\"\"", "\""));
        if (years is null) Execute(model, ComputedModels.CreateTable(computed, table));
        try
        {
            if (model.Config.PartitionBy is not { } partition)
            {
                computed.Compute(c, model.Query, schema, name);
                return;
            }
            var column = DuckDb.Identifier(partition);
            var todo = years?.Order().ToList() ?? c.Rows($"SELECT DISTINCT q.{column} FROM ({model.Query}) AS q WHERE q.{column} IS NOT NULL ORDER BY 1")
                .Select(r => Convert.ToInt32(r[0])).ToList();
            foreach (var year in todo)
                computed.Compute(c, $"SELECT * FROM ({model.Query}) AS q WHERE q.{column} = {year}", schema, name);
        }
        catch (DuckDBException e)
        {
            throw new PipelineException("transform", e.Message.ReplaceLineEndings(" "),
                "Fix the input query of this computed model (nothing was published; the last good warehouse is unchanged).", file: model.File, inner: e);
        }
    }

    /// <summary>Row count and a sum of row hashes, per partition (or for the whole table): equal means same content.</summary>
    Dictionary<int, string> Fingerprints(SqlModel model, string relation, string? where)
    {
        var partition = model.Config.PartitionBy is { } p ? $"coalesce({DuckDb.Identifier(p)}::BIGINT, -1)" : "0";
        return c.Rows($"SELECT {partition} AS part, count(*)::VARCHAR || ':' || sum(hash(t))::VARCHAR FROM {relation} AS t " +
                      $"{(where is null ? "" : "WHERE " + where)} GROUP BY ALL")
            .ToDictionary(r => Convert.ToInt32(r[0]), r => (string)r[1]!);
    }

    static Change Compare(SqlModel model, Dictionary<int, string> before, Dictionary<int, string> after)
    {
        var differing = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b).ToList();
        if (differing.Count == 0) return Change.None;
        return model.Config.PartitionBy is null || differing.Contains(-1) ? Change.Everything : Change.OfYears(differing);
    }

    Materialization? Existing(SqlModel model)
    {
        if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2 AND NOT temporary",
                model.Layer, model.Name) > 0) return Materialization.Table;
        if (c.Scalar<long>("SELECT count(*) FROM duckdb_views() WHERE schema_name = $1 AND view_name = $2 AND NOT temporary",
                model.Layer, model.Name) > 0) return Materialization.View;
        return null;
    }

    /// <summary>Tables and views of the model schemas that no model defines any more (a model deleted or renamed).</summary>
    void DropRemovedModels(SqlProject project)
    {
        var names = project.Models.Select(m => (m.Layer, m.Name)).ToHashSet();
        foreach (var r in c.Rows("""
                     SELECT schema_name, table_name, 'TABLE' FROM duckdb_tables() WHERE NOT temporary AND database_name = current_database()
                     UNION ALL
                     SELECT schema_name, view_name, 'VIEW' FROM duckdb_views() WHERE NOT temporary AND NOT internal AND database_name = current_database()
                     """))
        {
            var (schema, name, kind) = ((string)r[0]!, (string)r[1]!, (string)r[2]!);
            if (!SqlProject.Layers.Contains(schema) || names.Contains((schema, name))) continue;
            Log.Information("Dropping {Schema}.{Name}: no model defines it any more", schema, name);
            c.Execute($"DROP {kind} {schema}.{DuckDb.Identifier(name)}");
        }
    }

    static string Name(SqlModel model) => $"{model.Layer}.{DuckDb.Identifier(model.Name)}";

    void Execute(SqlModel model, string sql)
    {
        try
        {
            c.Execute(sql);
        }
        catch (DuckDBException e)
        {
            throw new PipelineException("transform", e.Message.ReplaceLineEndings(" "),
                "Fix the SQL of this model (nothing was published; the last good warehouse is unchanged).", file: model.File, inner: e);
        }
    }
}
