using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>What users open: the published warehouse (its views read the lake), the marts, and the builds kept.</summary>
public sealed class PublishedWarehouseTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // The sample BACI release: 991 + 989 + 973 + 991 flows in 1999-2002.
    const long SampleFlows = 991 + 989 + 973 + 991;

    [Fact]
    public async Task Every_mart_column_has_one_type_BI_tools_read_in_the_warehouse_and_in_its_Parquet()
    {
        var p = new PipelineFixture(_dir);
        await p.RunAsync();
        using var c = DuckDb.Open(p.Layout.WarehouseFile, readOnly: true);
        var marts = c.Rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'marts' ORDER BY 1")
            .Select(r => (string)r[0]!).ToList();
        Assert.Equal(17, marts.Count); // 12 + region_census_activity, cluster_municipalities, source_reconciliation, unit_value_checks, release_diffs
        foreach (var mart in marts)
        {
            var warehouse = c.Rows($"SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = '{mart}' ORDER BY column_index")
                .Select(r => $"{r[0]} {r[1]}").ToList();
            var folder = Path.Combine(p.Layout.MartsDir, mart);
            var glob = Directory.GetDirectories(folder).Length > 0 ? $"{folder}/*/*.parquet" : $"{folder}/*.parquet";
            var parquet = c.Rows($"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = false)").Select(r => $"{r[0]} {r[1]}").ToList();

            Assert.Equal(warehouse, parquet);
            Assert.DoesNotContain(warehouse, t => t.EndsWith(" HUGEINT", StringComparison.Ordinal) || t.EndsWith(" UBIGINT", StringComparison.Ordinal));
            // Every year column (year, year_from, year_to, base_year) is one integer type.
            Assert.All(warehouse.Where(t => t.Split(' ')[0] is "year" or "year_from" or "year_to" or "base_year"), t => Assert.EndsWith(" INTEGER", t));
        }
    }

    [Fact]
    public async Task The_warehouse_reads_the_flows_from_the_lake_from_any_working_directory_and_after_the_data_folder_moved()
    {
        var p = new PipelineFixture(_dir);
        await p.RunAsync();
        var elsewhere = Directory.CreateDirectory(_dir.Combine("elsewhere")).FullName;

        // The command line, started in another folder: the views find the lake by the data folder's absolute path.
        var result = await CliRunner.RunAsync(elsewhere, "query", "SELECT count(*) AS flows FROM staging.stg_trade_flows WHERE source_id = 'baci_hs92_sample'",
            "--data-dir", p.Layout.DataDir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"flows\n{SampleFlows}\n", result.Stdout.ReplaceLineEndings("\n"));
        // The warehouse holds no copy of the flows: staging.stg_trade_flows is a view, the Parquet is the data.
        Assert.Equal("VIEW", Duck.Scalar(p.Layout.WarehouseFile,
            "SELECT table_type FROM information_schema.tables WHERE table_schema = 'staging' AND table_name = 'stg_trade_flows'"));

        // The data folder moved: its links are relative, so warehouse/clusters.duckdb still opens; the views are told
        // where the lake is now.
        var moved = _dir.Combine("moved-data");
        Directory.Move(p.Layout.DataDir, moved);
        var warehouse = new DataLayout(moved).WarehouseFile;
        using var c = DuckDb.Open(warehouse, readOnly: true);
        var e = Assert.ThrowsAny<Exception>(() => c.Scalar<long>("SELECT count(*) FROM staging.stg_trade_flows"));
        Assert.Contains(p.Layout.DataDir, e.Message);
        c.Execute($"SET VARIABLE {LakeViews.DataDirVariable} = {DuckDb.Literal(moved)}");
        Assert.Equal(SampleFlows, c.Scalar<long>("SELECT count(*) FROM staging.stg_trade_flows WHERE source_id = 'baci_hs92_sample'"));
    }

    [Fact]
    public async Task Each_build_is_published_whole_in_its_own_folder_and_the_last_ones_are_kept()
    {
        var p = new PipelineFixture(_dir).Settings("""{ "keep_published_builds": 2 }""");
        var runs = new List<string>();
        for (var i = 0; i < 3; i++) runs.Add((await p.RunAsync(force: true)).RunId);

        // current -> published/<last run>; warehouse/ and lake/marts are links through it.
        Assert.Equal(Path.Combine("published", runs[2]), new DirectoryInfo(p.Layout.CurrentLink).LinkTarget);
        Assert.Equal("current", new DirectoryInfo(p.Layout.WarehouseDir).LinkTarget);
        Assert.Equal(Path.Combine("..", "current", "marts"), new DirectoryInfo(p.Layout.MartsDir).LinkTarget);
        Assert.Equal(runs[2], PublishedBuilds.Current(p.Layout)!.RunId);
        Assert.Equal(runs[2], Duck.Scalar(p.Layout.WarehouseFile, "SELECT run_id FROM meta.build"));
        // keep_published_builds 2: the current build and the one before it; the first is gone.
        Assert.Equal(runs[1..], Directory.GetDirectories(p.Layout.PublishedDir).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(p.Layout.MartsDir, "cluster_exports", "year=2001", "part-0.parquet")));
    }

    [Fact]
    public async Task The_duckdb_settings_of_warehouse_json_reach_the_build()
    {
        var p = new PipelineFixture(_dir).Settings("""{ "duckdb": { "memory_limit": "512MB", "threads": 1, "temp_directory": "spill" } }""");
        await p.RunAsync();

        // DuckDB reports 512 MB (10^6 bytes) in MiB: 512,000,000 / 2^20 = 488.28 MiB.
        Assert.Equal(["488.2 MiB", 1L, Path.Combine(p.Layout.DataDir, "spill")],
            Duck.Query(p.Layout.WarehouseFile, "SELECT memory_limit, threads, temp_directory FROM meta.build").Single());
        Assert.Equal("512MB", Duck.Scalar(p.Layout.WarehouseFile, "SELECT value FROM ref.settings WHERE name = 'duckdb.memory_limit'"));
    }

    [Fact]
    public void A_memory_limit_that_is_not_a_size_names_the_setting()
    {
        var p = new PipelineFixture(_dir).Settings("""{ "duckdb": { "memory_limit": "lots" } }""");

        var e = Assert.Throws<ClusterEtl.Transforms.Definitions.DefinitionException>(() => ClusterEtl.Transforms.Definitions.WarehouseSettings.Load(p.Pipelines));

        Assert.Contains("memory_limit", e.Message);
        Assert.Contains("'lots' is not a size", e.Message);
    }
}
