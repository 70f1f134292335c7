using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// <c>-- config: computed=product_proximity</c>: the input query gives <c>year, hs_vintage, country_key, product_code, mcp</c>
/// (one row per country and product of each year's matrix); each year and vintage is one matrix, and for every product
/// with ubiquity > 0 its <see cref="Neighbours"/> nearest other products by proximity phi (<see cref="EconomicComplexity.Proximity"/>)
/// are written, ties by product code. The whole P x P matrix is not stored.
/// </summary>
public sealed class ProductProximityModel : IComputedModel
{
    /// <summary>How many nearest products are kept per product.</summary>
    public const int Neighbours = 20;

    public string Name => "product_proximity";

    public string Version => "1";

    public IReadOnlyList<(string Name, string Type)> Columns =>
    [
        ("year", "INTEGER"), ("hs_vintage", "VARCHAR"), ("product_code", "VARCHAR"), ("neighbour_code", "VARCHAR"),
        ("proximity", "DOUBLE"), ("neighbour_rank", "INTEGER"),
    ];

    public void Compute(DuckDBConnection c, string input, string schema, string table)
    {
        foreach (var m in CountryProductMatrix.Read(c, input, Name, withRca: false))
        {
            var products = m.Products;
            var P = products.Length;
            var phi = EconomicComplexity.Proximity(m.Presence, m.Countries.Length, P);
            using var appender = c.CreateAppender(schema, table);
            for (var p = 0; p < P; p++)
            {
                var row = (long)p * P;
                var nearest = Enumerable.Range(0, P).Where(q => q != p && phi[row + q] > 0)
                    .OrderByDescending(q => phi[row + q]).ThenBy(q => products[q], StringComparer.Ordinal).Take(Neighbours);
                var rank = 0;
                foreach (var q in nearest)
                    appender.CreateRow().AppendValue(m.Year).AppendValue(m.Vintage).AppendValue(products[p]).AppendValue(products[q])
                        .AppendValue(phi[row + q]).AppendValue(++rank).EndRow();
            }
        }
    }
}
