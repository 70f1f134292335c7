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

    public string Version => "2";   // 2: one pass per row for the nearest (same rows)

    public IReadOnlyList<(string Name, string Type)> Columns =>
    [
        ("year", "INTEGER"), ("hs_vintage", "VARCHAR"), ("product_code", "VARCHAR"), ("neighbour_code", "VARCHAR"),
        ("proximity", "DOUBLE"), ("neighbour_rank", "INTEGER"),
    ];

    /// <summary>
    /// The products of highest proximity in <paramref name="row"/> (phi of product <paramref name="self"/> to each other),
    /// leaving out itself and proximity 0, into <paramref name="nearest"/> in order; ties go to the lower index, which is
    /// the lower product code (the products are in code order). Returns how many were found. One pass over the row with a
    /// sorted list of at most <see cref="Neighbours"/>: no sort of all P products.
    /// </summary>
    static int Nearest(ReadOnlySpan<double> row, int self, int[] nearest)
    {
        var count = 0;
        for (var q = 0; q < row.Length; q++)
        {
            var v = row[q];
            if (q == self || !(v > 0) || (count == nearest.Length && !(v > row[nearest[count - 1]]))) continue;
            var at = count == nearest.Length ? count - 1 : count++;
            while (at > 0 && row[nearest[at - 1]] < v)      // a later q with an equal phi stays behind (higher code)
            {
                nearest[at] = nearest[at - 1];
                at--;
            }
            nearest[at] = q;
        }
        return count;
    }

    public void Compute(DuckDBConnection c, string input, string schema, string table)
    {
        foreach (var m in CountryProductMatrix.Read(c, input, Name, withRca: false))
        {
            var products = m.Products;
            var P = products.Length;
            var phi = EconomicComplexity.Proximity(m.Presence, m.Countries.Length, P);
            using var appender = c.CreateAppender(schema, table);
            var nearest = new int[Neighbours];
            for (var p = 0; p < P; p++)
            {
                var row = (long)p * P;
                var count = Nearest(phi.AsSpan((int)row, P), p, nearest);
                for (var rank = 0; rank < count; rank++)
                    appender.CreateRow().AppendValue(m.Year).AppendValue(m.Vintage).AppendValue(products[p]).AppendValue(products[nearest[rank]])
                        .AppendValue(phi[row + nearest[rank]]).AppendValue(rank + 1).EndRow();
            }
        }
    }
}
