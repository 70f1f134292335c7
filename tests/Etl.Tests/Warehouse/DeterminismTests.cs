using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// Re-running on the same inputs gives the same outputs, even where DuckDB works in parallel: a generated BACI year of
/// 300,000 flows (three row groups, two threads) next to the samples, built twice from scratch.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Forced_rebuilds_publish_byte_identical_marts_and_identical_tables()
    {
        var p = new PipelineFixture(_dir).Settings("""{ "duckdb": { "threads": 2 } }""");
        var release = _dir.Combine("release");
        var data = SyntheticRelease.WriteYear(release, p.Pipelines, 2005, 300_000);
        p.Source("synthetic_2005", $$"""
            { "id": "synthetic_2005", "kind": "baci", "location": "{{data.Replace("\\", "/")}}",
              "options": { "country_codes": "{{Path.Combine(release, SyntheticRelease.CountryCodesFile).Replace("\\", "/")}}", "hs_vintage": "HS92" } }
            """);

        await p.RunAsync();
        var first = PipelineFixture.MartFiles(p.Layout);
        var firstWarehouse = _dir.Combine("first.duckdb");
        File.Copy(p.Layout.WarehouseFile, firstWarehouse);
        await p.RunAsync(force: true);

        // country_product_rca alone has 2005's 300,000 flows summed over importers: ~240,000 rows, several row groups.
        Assert.True((long)Duck.Scalar(p.Layout.WarehouseFile, "SELECT count(*) FROM marts.country_product_rca WHERE year = 2005")! > 200_000);
        Assert.Equal(first, PipelineFixture.MartFiles(p.Layout));
        Assert.Empty(MartSnapshot.CompareWarehouses(firstWarehouse, p.Layout.WarehouseFile, _dir.Combine("cmp")));
    }
}
