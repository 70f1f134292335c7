using System.Diagnostics;
using ClusterEtl.Transforms.Kernel;
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

    public string Version => "1";

    public IReadOnlyList<(string Name, string Type)> Columns =>
    [
        ("year", "INTEGER"), ("hs_vintage", "VARCHAR"), ("country_key", "VARCHAR"), ("product_code", "VARCHAR"),
        ("rca", "DOUBLE"), ("mcp", "BOOLEAN"), ("diversity", "INTEGER"), ("ubiquity", "INTEGER"), ("eci", "DOUBLE"),
        ("pci", "DOUBLE"), ("density", "DOUBLE"), ("cog", "DOUBLE"), ("coi", "DOUBLE"),
    ];

    static readonly string[] InputColumns = ["year", "hs_vintage", "country_key", "product_code", "rca", "mcp"];

    public void Compute(DuckDBConnection c, string input, string schema, string table)
    {
        var groups = new List<(int Year, string Vintage, List<(string Country, string Product, double Rca, bool Mcp)> Rows)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT {string.Join(", ", InputColumns)} FROM ({input}) AS q WHERE rca > 0 ORDER BY year, hs_vintage";
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
                groups[^1].Rows.Add((r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetBoolean(5)));
            }
        }
        foreach (var (year, vintage, rows) in groups)
        {
            var sw = Stopwatch.StartNew();
            var countries = rows.Select(x => x.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
            var products = rows.Select(x => x.Product).Distinct().Order(StringComparer.Ordinal).ToArray();
            var ci = countries.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
            var pi = products.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
            int C = countries.Length, P = products.Length;
            var presence = new bool[C * P];
            var rca = new double[C * P];
            foreach (var x in rows)
            {
                var i = ci[x.Country] * P + pi[x.Product];
                presence[i] = x.Mcp;
                rca[i] = x.Rca;
            }
            var result = EconomicComplexity.Compute(presence, C, P);
            var computed = sw.Elapsed.TotalSeconds;
            using (var appender = c.CreateAppender(schema, table))
                for (var cc = 0; cc < C; cc++)
                for (var p = 0; p < P; p++)
                {
                    var i = cc * P + p;
                    var row = appender.CreateRow();
                    row.AppendValue(year).AppendValue(vintage).AppendValue(countries[cc]).AppendValue(products[p]);
                    if (rca[i] > 0) row.AppendValue(rca[i]); else row.AppendNullValue();
                    row.AppendValue(presence[i]).AppendValue(result.Diversity[cc]).AppendValue(result.Ubiquity[p]);
                    Nullable(row, result.Eci[cc]);
                    Nullable(row, result.Pci[p]);
                    Nullable(row, result.Density[i]);
                    Nullable(row, result.Cog[i]);
                    Nullable(row, result.Coi[cc]);
                    row.EndRow();
                }
            Log.Information("Economic complexity of {Year} {Vintage}: {Countries} countries x {Products} products computed in {Computed:0.00} s, written in {Written:0.00} s",
                year, vintage, C, P, computed, sw.Elapsed.TotalSeconds - computed);
        }
    }

    static void Nullable(IDuckDBAppenderRow row, double v)
    {
        if (double.IsNaN(v)) row.AppendNullValue(); else row.AppendValue(v);
    }
}
