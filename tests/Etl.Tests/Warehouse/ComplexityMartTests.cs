using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// marts.country_product_complexity and marts.country_complexity on the bundled samples: built inside the warehouse
/// build, every column documented, the properties of the method per year (ECI mean 0, sd 1, positively correlated with
/// diversity; density in [0, 1]), the RCA threshold taken from pipelines/warehouse.json, and a year recomputed alone.
/// </summary>
public sealed class ComplexityMartTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly PipelineFixture _p;

    public ComplexityMartTests() => _p = new PipelineFixture(_dir);

    public void Dispose() => _dir.Dispose();

    string Warehouse => _p.Layout.WarehouseFile;

    [Fact]
    public async Task The_samples_give_documented_complexity_marts_with_the_properties_of_the_method()
    {
        _p.Settings("""{ "complexity_rca_threshold": 0.5 }""");
        await _p.RunAsync();

        foreach (var mart in new[] { "country_product_complexity", "country_complexity", "product_proximity", "cluster_complexity" })
        {
            var undocumented = Duck.Query(Warehouse, $"""
                SELECT column_name FROM duckdb_columns()
                WHERE schema_name = 'marts' AND table_name = '{mart}' AND (comment IS NULL OR trim(comment) = '')
                """);
            Assert.Empty(undocumented);
            Assert.True(Convert.ToInt64(Duck.Scalar(Warehouse, $"SELECT count(*) FROM marts.{mart}")) > 0, mart);
        }
        Assert.Equal("0.5", Duck.Scalar(Warehouse, "SELECT value FROM ref.settings WHERE name = 'complexity_rca_threshold'"));

        // M_cp follows the threshold of the settings, not 1.
        Assert.Equal(0L, Duck.Scalar(Warehouse, "SELECT count(*) FROM marts.country_product_complexity WHERE mcp <> coalesce(rca >= 0.5, false)"));
        Assert.True(Convert.ToInt64(Duck.Scalar(Warehouse, "SELECT count(*) FROM marts.country_product_complexity WHERE mcp AND rca < 1")) > 0);

        // Every pair of the year's exporters and products: a rectangle.
        var rectangle = Duck.Query(Warehouse, """
            SELECT year, count(*) = count(DISTINCT country_key) * count(DISTINCT product_code)
            FROM marts.country_product_complexity GROUP BY year
            """);
        Assert.All(rectangle, r => Assert.True((bool)r[1]!, $"year {r[0]}"));

        // ECI: mean 0 and sd 1 over the long data (country x product rows, sd with n - 1: ecomplexity's normalisation),
        // correlated with diversity; the mean PCI of a country's products with mcp is its ECI (one scale for both).
        var years = Duck.Query(Warehouse, """
            SELECT year, avg(eci), stddev_samp(eci), corr(eci, diversity), count(*)
            FROM marts.country_product_complexity WHERE eci IS NOT NULL GROUP BY year ORDER BY year
            """);
        Assert.Equal(4, years.Count);
        foreach (var y in years)
        {
            Assert.Equal(0, (double)y[1]!, 1e-9);
            Assert.Equal(1, (double)y[2]!, 1e-9);
            Assert.True((double)y[3]! > 0, $"year {y[0]}: ECI falls with diversity");
        }
        Assert.Equal(0L, Duck.Scalar(Warehouse, """
            SELECT count(*) FROM (
                SELECT year, country_key, any_value(eci) AS eci, avg(pci) FILTER (WHERE mcp) AS mean_pci
                FROM marts.country_product_complexity WHERE eci IS NOT NULL GROUP BY ALL)
            WHERE abs(eci - mean_pci) > 1e-9
            """));
        var density = Duck.Query(Warehouse, "SELECT min(density), max(density), count(*) FILTER (WHERE mcp AND cog <> 0) FROM marts.country_product_complexity")[0];
        Assert.InRange((double)density[0]!, 0, 1);
        Assert.InRange((double)density[1]!, 0, 1);
        Assert.Equal(0L, density[2]);

        // Proximity: symmetric (a pair kept both ways has one value), in (0, 1], at most 20 neighbours, never the product itself.
        Assert.Equal(0L, Duck.Scalar(Warehouse, """
            SELECT count(*) FROM marts.product_proximity AS a JOIN marts.product_proximity AS b
              ON a.year = b.year AND a.hs_vintage = b.hs_vintage AND a.product_code = b.neighbour_code AND a.neighbour_code = b.product_code
            WHERE a.proximity <> b.proximity
            """));
        Assert.Equal(0L, Duck.Scalar(Warehouse, """
            SELECT count(*) FROM marts.product_proximity
            WHERE proximity <= 0 OR proximity > 1 OR neighbour_rank > 20 OR product_code = neighbour_code
            """));

        // The cluster view: Chile's salmon products with their PCI; options outside the cluster that Chile lacks, at most 10.
        var salmon = Duck.Query(Warehouse, """
            SELECT kind, count(*), bool_or(mcp), count(*) FILTER (WHERE pci IS NULL)
            FROM marts.cluster_complexity WHERE cluster_id = 'chile-salmon' AND year = 2002 GROUP BY kind ORDER BY kind
            """);
        Assert.Equal(["cluster product", "nearby option"], salmon.Select(r => (string)r[0]!));
        Assert.True((bool)salmon[0][2]!);                            // Chile has an RCA in its salmon
        Assert.InRange(Convert.ToInt64(salmon[1][1]), 1, 10);
        Assert.False((bool)salmon[1][2]!);                           // options are products it does not have
        Assert.Equal(0L, Duck.Scalar(Warehouse, """
            SELECT count(*) FROM marts.cluster_complexity AS o
            JOIN intermediate.int_cluster_products AS p USING (cluster_id, hs_vintage, product_code)
            WHERE o.kind = 'nearby option'
            """));
    }
}
