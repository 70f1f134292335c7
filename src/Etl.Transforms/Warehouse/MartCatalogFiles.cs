using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The two files that describe the published marts folder (<c>lake/marts/</c>) to people and tools:
/// <list type="bullet">
/// <item><c>_catalog.json</c>: every mart with its description, method version, columns (type, description, unit),
/// rows, and its files (partition, rows, bytes, the run that wrote it, its extracts);</item>
/// <item><c>views.sql</c>: DuckDB views <c>marts.&lt;mart&gt;</c> over the Parquet with paths relative to the data folder,
/// documented with the same comments, so <c>duckdb -init lake/marts/views.sql</c> run there queries the marts without the
/// warehouse.</item>
/// </list>
/// Both hold only what the files hold (no build time, no current run), so a build that links every file writes them the same.
/// </summary>
public static class MartCatalogFiles
{
    public const string CatalogFileName = "_catalog.json", ViewsFileName = "views.sql";

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The rows of each mart's files (by mart name), as the catalogue lists them.</returns>
    public static IReadOnlyDictionary<string, long> Write(DuckDBConnection c, WarehouseCatalog catalog, string martsDir)
    {
        var marts = new JsonArray();
        var rowsByMart = new Dictionary<string, long>(StringComparer.Ordinal);
        var views = new StringBuilder("""
            -- DuckDB views over the published marts, with paths relative to the data folder. From the data folder:
            --   duckdb -init lake/marts/views.sql
            -- then e.g. SELECT * FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon';
            -- (from elsewhere: SET file_search_path = '/path/to/data'; before reading this file). Written with every publish.
            CREATE SCHEMA IF NOT EXISTS marts;

            """);
        foreach (var dir in Directory.GetDirectories(martsDir).Order(StringComparer.Ordinal))
        {
            var mart = Path.GetFileName(dir);
            var model = catalog.Model("marts." + mart);
            if (model is null) continue;
            var files = Directory.GetFiles(dir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var partitions = new JsonArray();
            foreach (var file in files)
            {
                var kv = c.Rows("SELECT decode(key), decode(value) FROM parquet_kv_metadata($1)", file.Replace('\\', '/'))
                    .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
                var yearFolder = Path.GetFileName(Path.GetDirectoryName(file)!);
                partitions.Add(new JsonObject
                {
                    ["path"] = Path.GetRelativePath(martsDir, file).Replace('\\', '/'),
                    ["year"] = yearFolder.StartsWith("year=", StringComparison.Ordinal) && int.TryParse(yearFolder[5..], out var y) ? y : null,
                    ["rows"] = c.Scalar<long>("SELECT count(*) FROM read_parquet($1)", file.Replace('\\', '/')),
                    ["bytes"] = new FileInfo(file).Length,
                    ["run_id"] = kv.GetValueOrDefault(MartMetadata.RunIdKey),
                    ["extract_ids"] = kv.TryGetValue("clusteretl.extract_ids", out var e) ? JsonNode.Parse(e) : null,
                });
            }
            marts.Add(new JsonObject
            {
                ["mart"] = model.Model,
                ["description"] = model.Description,
                ["method_version"] = model.MethodVersion,
                ["partitioned_by"] = files.Any(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("year=", StringComparison.Ordinal)) ? "year" : null,
                ["rows"] = rowsByMart[mart] = partitions.Sum(p => p!["rows"]!.GetValue<long>()),
                ["columns"] = new JsonArray(model.Columns.Select(col => (JsonNode)new JsonObject
                {
                    ["name"] = col.Name, ["type"] = col.Type, ["description"] = col.Description, ["unit"] = col.Unit,
                }).ToArray()),
                ["partitions"] = partitions,
            });
            views.Append(View(model, files.Count == 0 ? null : $"lake/marts/{mart}/{(files.Count == 1 && Path.GetDirectoryName(files[0]) == dir ? "part-0.parquet" : "*/*.parquet")}"));
        }
        var root = new JsonObject
        {
            ["about"] = "The published marts of ClusterEtl as Parquet: one folder per mart, year=<y>/ partitions (year also in the files). " +
                        "Each file's key-value metadata repeats its columns, method version, run and extracts. views.sql: DuckDB views over them.",
            ["marts"] = marts,
        };
        File.WriteAllText(Path.Combine(martsDir, CatalogFileName), root.ToJsonString(Json) + "\n");
        File.WriteAllText(Path.Combine(martsDir, ViewsFileName), views.ToString());
        return rowsByMart;
    }

    /// <summary>The view of one mart over its files (or, with none, an empty view with its columns), with its comments.</summary>
    static string View(ModelInfo model, string? glob)
    {
        var name = $"marts.{DuckDb.Identifier(model.Name)}";
        var select = glob is not null
            ? $"SELECT * FROM read_parquet({DuckDb.Literal(glob)})"
            : "SELECT " + string.Join(", ", model.Columns.Select(col => $"CAST(NULL AS {col.Type}) AS {DuckDb.Identifier(col.Name)}")) + " WHERE false";
        var sb = new StringBuilder($"\nCREATE OR REPLACE VIEW {name} AS {select};\n");
        sb.Append($"COMMENT ON VIEW {name} IS {DuckDb.Literal(model.Description)};\n");
        foreach (var col in model.Columns)
            sb.Append($"COMMENT ON COLUMN {name}.{DuckDb.Identifier(col.Name)} IS {DuckDb.Literal(col.Description)};\n");
        return sb.ToString();
    }
}
