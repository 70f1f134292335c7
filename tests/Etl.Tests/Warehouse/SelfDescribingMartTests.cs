using System.Text.Json.Nodes;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// The published Parquet describes itself: every file's key-value metadata holds the mart's description, its columns with
/// the COMMENT ON text and unit, its method version, the run that wrote it and the extracts its rows come from;
/// lake/marts/_catalog.json lists every mart, and lake/marts/views.sql gives DuckDB views over the files.
/// </summary>
public sealed class SelfDescribingMartTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly PipelineFixture _p;

    public SelfDescribingMartTests() => _p = new PipelineFixture(_dir);

    public void Dispose() => _dir.Dispose();

    static Dictionary<string, string> Metadata(string file) =>
        Duck.Query(null, $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{file}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    string Warehouse => _p.Layout.WarehouseFile;

    [Fact]
    public async Task Every_file_carries_its_columns_method_run_and_extracts_and_the_folder_has_a_catalog_and_views()
    {
        var run = await _p.RunAsync();
        var files = Directory.GetFiles(_p.Layout.MartsDir + "/", "*.parquet", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var kv = Metadata(file);
            var mart = kv["clusteretl.mart"];
            Assert.Equal(Path.GetRelativePath(_p.Layout.MartsDir, file).Split('/')[0], mart["marts.".Length..]);
            Assert.Equal(run.RunId, kv["clusteretl.run_id"]);
            Assert.Equal(Duck.Scalar(Warehouse, $"SELECT sql_hash FROM meta.models WHERE model = '{mart}'"), kv["clusteretl.method_version"]);
            var columns = JsonNode.Parse(kv["clusteretl.columns"])!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["description"]!.GetValue<string>())).ToList();
            var comments = Duck.Query(Warehouse, $"""
                SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = '{mart["marts.".Length..]}' ORDER BY column_index
                """).Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
            Assert.Equal(comments, columns);
        }

        // A year of cluster_exports: its unit columns, and the extracts of the sources its rows read (trade and FAO).
        var exports = Metadata(Path.Combine(_p.Layout.MartsDir, "cluster_exports", "year=2001", "part-0.parquet"));
        var value = JsonNode.Parse(exports["clusteretl.columns"])!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "export_value_usd")!;
        Assert.Equal("USD", value["unit"]!.GetValue<string>());
        var baci = (string)Duck.Scalar(Warehouse, "SELECT substr(sha256, 1, 16) FROM meta.extracts WHERE source = 'baci_hs92_sample'")!;
        var extracts = JsonNode.Parse(exports["clusteretl.extract_ids"])!.AsObject();
        Assert.Equal(baci, extracts["baci_hs92_sample"]![0]!.GetValue<string>());
        // region_activity reads DENUE alone: one source, one extract.
        var region = Metadata(Directory.GetFiles(Path.Combine(_p.Layout.MartsDir, "region_activity"), "*.parquet", SearchOption.AllDirectories).Single());
        var denue = (string)Duck.Scalar(Warehouse, "SELECT substr(sha256, 1, 16) FROM meta.extracts WHERE source = 'inegi_denue_sample'")!;
        Assert.Equal($$"""{"inegi_denue_sample":["{{denue}}"]}""", region["clusteretl.extract_ids"]);

        // _catalog.json: every mart, its rows and partitions. The sample's trade data hold 1999-2002: cluster_exports has
        // 12 clusters x 4 years = 48 rows in 4 files of 12.
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(_p.Layout.MartsDir, MartCatalogFiles.CatalogFileName)))!;
        var marts = catalog["marts"]!.AsArray();
        Assert.Equal(Duck.Query(Warehouse, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' ORDER BY 1")
            .Select(r => "marts." + r[0]), marts.Select(m => m!["mart"]!.GetValue<string>()));
        var entry = marts.Single(m => m!["mart"]!.GetValue<string>() == "marts.cluster_exports")!;
        Assert.Equal(48, entry["rows"]!.GetValue<long>());
        Assert.Equal([1999, 2000, 2001, 2002], entry["partitions"]!.AsArray().Select(p => p!["year"]!.GetValue<int>()));
        Assert.All(entry["partitions"]!.AsArray(), p => Assert.Equal(12, p!["rows"]!.GetValue<long>()));

        // views.sql, run the way `duckdb -init lake/marts/views.sql` does from the data folder (relative paths).
        using var c = DuckDb.Open(":memory:");
        c.Execute($"SET file_search_path = {DuckDb.Literal(_p.Layout.DataDir)}");
        c.Execute(File.ReadAllText(Path.Combine(_p.Layout.MartsDir, MartCatalogFiles.ViewsFileName)));
        Assert.Equal(48L, c.Scalar<long>("SELECT count(*) FROM marts.cluster_exports"));
        Assert.Equal(979L, c.Scalar<long>("SELECT count(*) FROM marts.country_product_rca"));
        Assert.Equal(Duck.Scalar(Warehouse, "SELECT comment FROM duckdb_columns() WHERE table_name = 'cluster_exports' AND column_name = 'rca'"),
            c.Scalar<string>("SELECT comment FROM duckdb_columns() WHERE table_name = 'cluster_exports' AND column_name = 'rca'"));
    }

    [Fact]
    public async Task A_file_is_linked_from_the_previous_build_only_when_its_rows_and_its_metadata_are_the_same()
    {
        var sql = _dir.Combine("sql");
        Repo.CopyDirectory(Repo.Sql, sql);
        var first = await _p.RunAsync(sql: sql);
        var prices = Path.Combine(sql, "marts", "cluster_prices.sql");
        File.WriteAllText(prices, File.ReadAllText(prices).Replace("'Producer (farm-gate) prices of each", "'Farm-gate prices of each"));

        var second = await _p.RunAsync(sql: sql);

        // Only a comment changed: no model is recomputed, but cluster_prices' files would say something else: written again
        // by this run, with the new description; the other marts' files are the first build's (same inode, first run id).
        var pricesFile = Path.Combine(_p.Layout.MartsDir, "cluster_prices", "year=2001", "part-0.parquet");
        Assert.Equal(second.RunId, Metadata(pricesFile)["clusteretl.run_id"]);
        Assert.StartsWith("Farm-gate prices", Metadata(pricesFile)["clusteretl.description"]);
        var exportsFile = Path.Combine(_p.Layout.MartsDir, "cluster_exports", "year=2001", "part-0.parquet");
        Assert.Equal(first.RunId, Metadata(exportsFile)["clusteretl.run_id"]);
        var firstExports = Path.Combine(_p.Layout.PublishedBuildDir(first.RunId), "marts", "cluster_exports", "year=2001", "part-0.parquet");
        Assert.True(SameFile(firstExports, exportsFile), "cluster_exports 2001 was written again though nothing about it changed");
        var publish = second.Stages.Single(s => s.Stage == "publish").Details;
        Assert.Contains("marts.cluster_prices: 55 rows (written)", publish);
        Assert.Contains("marts.cluster_exports: 48 rows (unchanged, linked)", publish);

        // A build from scratch (forced) of the same inputs: every file is the one published before, so they keep its run.
        await _p.RunAsync(force: true, sql: sql);
        Assert.Equal(first.RunId, Metadata(exportsFile)["clusteretl.run_id"]);
        Assert.Equal(second.RunId, Metadata(pricesFile)["clusteretl.run_id"]);
    }

    /// <summary>Whether two paths are one file (hard links: the same inode, as `stat` says).</summary>
    static bool SameFile(string a, string b)
    {
        string Inode(string path)
        {
            using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%d:%i", path])
                { RedirectStandardOutput = true })!;
            var inode = stat.StandardOutput.ReadToEnd().Trim();
            stat.WaitForExit();
            return inode;
        }
        return Inode(a) == Inode(b);
    }
}
