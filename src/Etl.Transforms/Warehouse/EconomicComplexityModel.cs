using System.Diagnostics;
using DuckDB.NET.Data;
using Serilog;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// <c>-- config: computed=economic_complexity</c>: the input query gives one row per year, HS vintage, country and product
/// with exports (<c>year, hs_vintage, country_key, product_code, rca, mcp</c>); each year and vintage is one matrix of the
/// countries and products with exports (those without are dropped, as ecomplexity does), computed by
/// <see cref="EconomicComplexity"/>, and written as every country x product pair of it.
/// </summary>
public sealed class EconomicComplexityModel : IComputedModel
{
    static readonly ILogger Log = Serilog.Log.ForContext<EconomicComplexityModel>();

    public string Name => "economic_complexity";

    public string Version => "2";   // 2: the values of Stata ecomplexity (phi_pp = 0, its normalisation)

    public IReadOnlyList<(string Name, string Type)> Columns =>
    [
        ("year", "INTEGER"), ("hs_vintage", "VARCHAR"), ("country_key", "VARCHAR"), ("product_code", "VARCHAR"),
        ("rca", "DOUBLE"), ("mcp", "BOOLEAN"), ("diversity", "INTEGER"), ("ubiquity", "INTEGER"), ("eci", "DOUBLE"),
        ("pci", "DOUBLE"), ("density", "DOUBLE"), ("cog", "DOUBLE"), ("coi", "DOUBLE"),
    ];

    public void Compute(DuckDBConnection c, string input, string schema, string table)
    {
        foreach (var m in CountryProductMatrix.Read(c, input, Name, withRca: true))
        {
            var sw = Stopwatch.StartNew();
            int C = m.Countries.Length, P = m.Products.Length;
            var result = EconomicComplexity.Compute(m.Presence, C, P);
            var computed = sw.Elapsed.TotalSeconds;
            using (var appender = c.CreateAppender(schema, table))
                for (var cc = 0; cc < C; cc++)
                for (var p = 0; p < P; p++)
                {
                    var i = cc * P + p;
                    var row = appender.CreateRow();
                    row.AppendValue(m.Year).AppendValue(m.Vintage).AppendValue(m.Countries[cc]).AppendValue(m.Products[p]);
                    if (m.Rca[i] > 0) row.AppendValue(m.Rca[i]); else row.AppendNullValue();
                    row.AppendValue(m.Presence[i]).AppendValue(result.Diversity[cc]).AppendValue(result.Ubiquity[p]);
                    Nullable(row, result.Eci[cc]);
                    Nullable(row, result.Pci[p]);
                    Nullable(row, result.Density[i]);
                    Nullable(row, result.Cog[i]);
                    Nullable(row, result.Coi[cc]);
                    row.EndRow();
                }
            Log.Information("Economic complexity of {Year} {Vintage}: {Countries} countries x {Products} products computed in {Computed:0.00} s, written in {Written:0.00} s",
                m.Year, m.Vintage, C, P, computed, sw.Elapsed.TotalSeconds - computed);
        }
    }

    static void Nullable(IDuckDBAppenderRow row, double v)
    {
        if (double.IsNaN(v)) row.AppendNullValue(); else row.AppendValue(v);
    }
}
