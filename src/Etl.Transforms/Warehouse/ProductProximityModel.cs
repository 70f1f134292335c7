using ClusterEtl.Transforms.Kernel;
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

    static readonly string[] InputColumns = ["year", "hs_vintage", "country_key", "product_code", "mcp"];

    public void Compute(DuckDBConnection c, string input, string schema, string table)
    {
        var groups = new List<(int Year, string Vintage, List<(string Country, string Product, bool Mcp)> Rows)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT {string.Join(", ", InputColumns)} FROM ({input}) AS q ORDER BY year, hs_vintage";
            using var r = cmd.ExecuteReader();
            for (var i = 0; i < InputColumns.Length; i++)
                if (!string.Equals(r.GetName(i), InputColumns[i], StringComparison.OrdinalIgnoreCase))
                    throw new PipelineException("transform", $"the input of {Name} must give the columns {string.Join(", ", InputColumns)}",
                        "Select them in the model's query.");
            while (r.Read())
            {
                var year = Convert.ToInt32(r.GetValue(0));
                var vintage = r.GetString(1);
                if (groups.Count == 0 || groups[^1].Year != year || groups[^1].Vintage != vintage) groups.Add((year, vintage, []));
                groups[^1].Rows.Add((r.GetString(2), r.GetString(3), !r.IsDBNull(4) && r.GetBoolean(4)));
            }
        }
        foreach (var (year, vintage, rows) in groups)
        {
            var countries = rows.Select(x => x.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
            var products = rows.Select(x => x.Product).Distinct().Order(StringComparer.Ordinal).ToArray();
            var ci = countries.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
            var pi = products.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
            int C = countries.Length, P = products.Length;
            var presence = new bool[C * P];
            foreach (var x in rows.Where(x => x.Mcp)) presence[ci[x.Country] * P + pi[x.Product]] = true;
            var phi = EconomicComplexity.Proximity(presence, C, P);
            using var appender = c.CreateAppender(schema, table);
            for (var p = 0; p < P; p++)
            {
                var nearest = Enumerable.Range(0, P).Where(q => q != p && phi[(long)p * P + q] > 0)
                    .OrderByDescending(q => phi[(long)p * P + q]).ThenBy(q => products[q], StringComparer.Ordinal).Take(Neighbours);
                var rank = 0;
                foreach (var q in nearest)
                    appender.CreateRow().AppendValue(year).AppendValue(vintage).AppendValue(products[p]).AppendValue(products[q])
                        .AppendValue(phi[(long)p * P + q]).AppendValue(++rank).EndRow();
            }
        }
    }
}
