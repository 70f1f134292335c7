using System.Text.Json;
using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The key-value metadata every published mart file carries, so a file describes itself to any Parquet reader:
/// <list type="bullet">
/// <item><c>clusteretl.mart</c>, <c>clusteretl.description</c>: the mart and its <c>COMMENT ON TABLE</c>;</item>
/// <item><c>clusteretl.columns</c>: JSON, every column with its type, description (its <c>COMMENT ON</c>) and unit;</item>
/// <item><c>clusteretl.method_version</c>: the hash of the mart's query and config (<c>meta.models.sql_hash</c>);</item>
/// <item><c>clusteretl.extract_ids</c>: JSON, the extracts of every source the file's rows read, by source (<c>meta.extracts</c>;
/// for a mart partitioned by year, the sources with lake partitions in the years that year reads);</item>
/// <item><c>clusteretl.run_id</c>: the run whose build first published this exact file.</item>
/// </list>
/// Everything but the run id is a function of the mart's method, documentation and inputs, so a file whose rows and
/// metadata are those of the previous build's file is that file (hard-linked), and keeps the run that wrote it.
/// </summary>
public sealed class MartMetadata
{
    public const string RunIdKey = "clusteretl.run_id";

    MartMetadata(SortedDictionary<string, string> values) => Values = values;

    /// <summary>The keys and values, the run id aside.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="year">The year of the file, for a mart partitioned by year: its extracts are those its rows of that year read.</param>
    public static MartMetadata For(WarehouseCatalog catalog, string mart, int? year)
    {
        var model = catalog.Model("marts." + mart) ?? throw new InvalidOperationException($"marts.{mart} is not in meta.models");
        return new MartMetadata(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["clusteretl.mart"] = model.Model,
            ["clusteretl.description"] = model.Description,
            ["clusteretl.columns"] = JsonSerializer.Serialize(model.Columns.Select(c => new { name = c.Name, type = c.Type, description = c.Description, unit = c.Unit }), Json),
            ["clusteretl.method_version"] = model.MethodVersion,
            ["clusteretl.extract_ids"] = JsonSerializer.Serialize(
                catalog.SourcesOf(model.Model, model.PartitionBy == "year" ? year : null).ToDictionary(s => s.Source, s => s.ExtractIds), Json),
        });
    }

    /// <summary>The KV_METADATA option of DuckDB's COPY for a file written by run <paramref name="runId"/>.</summary>
    public string CopyOption(string runId) =>
        "KV_METADATA {" + string.Join(", ", Values.Append(new(RunIdKey, runId)).Select(kv => $"{DuckDb.Literal(kv.Key)}: {DuckDb.Literal(kv.Value)}")) + "}";

    /// <summary>
    /// The run id of <paramref name="file"/> when its metadata, the run id aside, is this: the file describes what would be
    /// written now. Null when the file is missing or says something else (older comments, another method, other extracts).
    /// </summary>
    public string? RunIdIfSame(DuckDBConnection c, string file)
    {
        if (!File.Exists(file)) return null;
        var stored = c.Rows("SELECT decode(key), decode(value) FROM parquet_kv_metadata($1)", file.Replace('\\', '/'))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        if (!stored.Remove(RunIdKey, out var runId)) return null;
        return stored.Count == Values.Count && Values.All(kv => stored.GetValueOrDefault(kv.Key) == kv.Value) ? runId : null;
    }

    /// <summary>The run id stored in <paramref name="file"/>.</summary>
    public static string? RunIdOf(DuckDBConnection c, string file) =>
        c.Rows("SELECT decode(value) FROM parquet_kv_metadata($1) WHERE decode(key) = $2", file.Replace('\\', '/'), RunIdKey)
            .Select(r => (string?)r[0]).FirstOrDefault();
}
