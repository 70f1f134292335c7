using System.Diagnostics;
using ClusterEtl.Transforms.Benchmarks;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>bench --complexity</c>: one BACI-sized year (230 countries x 5,000 products, <see cref="SyntheticProductSpace"/>)
/// through the two computed models as the warehouse runs them, in an in-memory DuckDB: <see cref="EconomicComplexityModel"/>
/// (read, eigenvectors, density, COG, write the full grid) and <see cref="ProductProximityModel"/> (read the grid back,
/// proximity, 20 nearest per product), each with time and peak RSS, and the matrix algebra alone
/// (<see cref="EconomicComplexity.Compute"/>) to show what the reading and writing cost.
/// </summary>
public static class ComplexityBench
{
    public const int Countries = 230;

    public const int Products = 5000;

    public static int Run(TextWriter output)
    {
        using var c = DuckDb.Open(":memory:");
        c.Execute("CREATE TABLE input (year INTEGER, hs_vintage VARCHAR, country_key VARCHAR, product_code VARCHAR, rca DOUBLE, mcp BOOLEAN)");
        long exported = 0;
        var year = 2022;    // a variable, not a constant: a constant would bind AppendValue(short?), 2 bytes into the INTEGER

        using (var appender = c.CreateAppender("main", "input"))
            foreach (var (country, product, rca) in SyntheticProductSpace.Year(Countries, Products))
            {
                appender.CreateRow().AppendValue(year).AppendValue("HS17").AppendValue(country).AppendValue(product)
                    .AppendValue(rca).AppendValue(rca >= 1).EndRow();
                exported++;
            }
        var present = c.Scalar<long>("SELECT count(*) FROM input WHERE mcp");
        output.WriteLine($"year: {Countries} countries x {Products:N0} products, {exported:N0} pairs with exports " +
                         $"({100.0 * exported / Countries / Products:N0} %), {present:N0} with RCA >= 1");

        var complexity = ComputedModels.Find("economic_complexity")!;
        var proximity = ComputedModels.Find("product_proximity")!;
        c.Execute(ComputedModels.CreateTable(complexity, "complexity"));
        c.Execute(ComputedModels.CreateTable(proximity, "proximity"));

        var (seconds, peak) = Measure(() => complexity.Compute(c, "SELECT * FROM input", "main", "complexity"));
        output.WriteLine($"economic_complexity (read, compute, write {c.Scalar<long>("SELECT count(*) FROM complexity"):N0} rows): " +
                         $"{seconds:N2} s, peak RSS {peak / 1048576.0:N0} MiB");
        (seconds, peak) = Measure(() => proximity.Compute(c,
            "SELECT year, hs_vintage, country_key, product_code, mcp FROM complexity WHERE mcp", "main", "proximity"));
        output.WriteLine($"product_proximity (read the pairs with mcp, proximity, {c.Scalar<long>("SELECT count(*) FROM proximity"):N0} " +
                         $"nearest pairs): {seconds:N2} s, peak RSS {peak / 1048576.0:N0} MiB");

        var matrix = CountryProductMatrix.Read(c, "SELECT * FROM input", "bench", withRca: true).Single();
        (seconds, _) = Measure(() => EconomicComplexity.Compute(matrix.Presence, matrix.Countries.Length, matrix.Products.Length));
        output.WriteLine($"of which the algebra alone (EconomicComplexity.Compute on the matrix in memory): {seconds:N2} s");
        output.WriteLine($"check: ECI mean {c.Scalar<double>("SELECT round(avg(eci), 6) FROM (SELECT DISTINCT country_key, eci FROM complexity)")}, " +
                         $"sd over the country x product rows {c.Scalar<double>("SELECT round(stddev_samp(eci), 6) FROM complexity")}, " +
                         $"correlation with diversity {c.Scalar<double>("SELECT round(corr(eci, diversity), 3) FROM (SELECT DISTINCT country_key, eci, diversity FROM complexity)")}");
        return 0;
    }

    static (double Seconds, long PeakBytes) Measure(Action step)
    {
        ProcessMemory.ResetPeak();
        var sw = Stopwatch.StartNew();
        step();
        return (sw.Elapsed.TotalSeconds, ProcessMemory.PeakBytes());
    }
}
