namespace ClusterEtl.Transforms.Benchmarks;

/// <summary>
/// A country x product year shaped like BACI's for the complexity benchmark: each country has a capability a_c and each
/// product a sophistication b_p (both uniform in [0, 1)); a country exports a product with probability 0.35 + 0.6 a_c, and
/// then with RCA = exp(3 (a_c - b_p) + N(0, 1) - 0.5), so capable countries are diversified and export the sophisticated
/// products, as in the nested matrices of the literature. Deterministic for a given size.
/// </summary>
public static class SyntheticProductSpace
{
    /// <summary>Every (country, product) pair with exports: country keys <c>C000</c>.., product codes <c>100000</c>..</summary>
    public static IEnumerable<(string Country, string Product, double Rca)> Year(int countries, int products)
    {
        var random = new Random(20241);
        var capability = Enumerable.Range(0, countries).Select(_ => random.NextDouble()).ToArray();
        var sophistication = Enumerable.Range(0, products).Select(_ => random.NextDouble()).ToArray();
        var productCodes = Enumerable.Range(0, products).Select(p => (100000 + p).ToString("D6")).ToArray();
        for (var c = 0; c < countries; c++)
        {
            var country = $"C{c:D3}";
            for (var p = 0; p < products; p++)
            {
                if (random.NextDouble() >= 0.35 + 0.6 * capability[c]) continue;
                yield return (country, productCodes[p], Math.Exp(3 * (capability[c] - sophistication[p]) + Normal(random) - 0.5));
            }
        }
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
