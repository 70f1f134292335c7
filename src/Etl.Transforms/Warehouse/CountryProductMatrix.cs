using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// One year and HS vintage of the country x product matrix that the complexity models (<see cref="EconomicComplexityModel"/>,
/// <see cref="ProductProximityModel"/>) read from their input query: the countries and products that appear in it, each in
/// ordinal order, and the values row-major (<c>c * Products.Length + p</c>). The input gives
/// <c>year, hs_vintage, country_key, product_code</c>, then <c>rca</c> when asked for, then <c>mcp</c> (NULL read as false).
/// </summary>
public sealed class CountryProductMatrix
{
    public required int Year { get; init; }

    public required string Vintage { get; init; }

    public required string[] Countries { get; init; }

    public required string[] Products { get; init; }

    /// <summary>M_cp: true where the country has an RCA at or above the threshold.</summary>
    public required bool[] Presence { get; init; }

    /// <summary>RCA_cp, 0 where the input has no row (only when read with <c>withRca</c>; otherwise empty).</summary>
    public required double[] Rca { get; init; }

    /// <summary>
    /// The matrices of <paramref name="input"/>, one per year and vintage. With <paramref name="withRca"/> the input's rows of
    /// RCA 0 or less are left out, so a country or product without exports is not in the matrix (ecomplexity drops them).
    /// </summary>
    /// <param name="model">The model reading (named in the error when the input lacks a column).</param>
    public static IReadOnlyList<CountryProductMatrix> Read(DuckDBConnection c, string input, string model, bool withRca)
    {
        string[] columns = withRca
            ? ["year", "hs_vintage", "country_key", "product_code", "rca", "mcp"]
            : ["year", "hs_vintage", "country_key", "product_code", "mcp"];
        var matrices = new List<CountryProductMatrix>();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", columns)} FROM ({input}) AS q{(withRca ? " WHERE rca > 0" : "")} ORDER BY year, hs_vintage";
        using var r = cmd.ExecuteReader();
        for (var i = 0; i < columns.Length; i++)
            if (!string.Equals(r.GetName(i), columns[i], StringComparison.OrdinalIgnoreCase))
                throw new PipelineException("transform", $"the input of {model} must give the columns {string.Join(", ", columns)}",
                    "Select them in the model's query.");
        var mcp = columns.Length - 1;
        Builder? group = null;
        while (r.Read())
        {
            var year = Convert.ToInt32(r.GetValue(0));
            var vintage = r.GetString(1);
            if (group is null || group.Year != year || group.Vintage != vintage)
            {
                if (group is not null) matrices.Add(group.Build(withRca));
                group = new Builder(year, vintage);
            }
            group.Add(r.GetString(2), r.GetString(3), withRca ? r.GetDouble(4) : 0, !r.IsDBNull(mcp) && r.GetBoolean(mcp));
        }
        if (group is not null) matrices.Add(group.Build(withRca));
        return matrices;
    }

    /// <summary>The cells of one year and vintage as they are read, with the countries and products numbered as they come.</summary>
    sealed class Builder(int year, string vintage)
    {
        public int Year { get; } = year;

        public string Vintage { get; } = vintage;

        readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
        readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);
        readonly List<(int Country, int Product, double Rca, bool Mcp)> _cells = [];

        public void Add(string country, string product, double rca, bool mcp) =>
            _cells.Add((Number(_countries, country), Number(_products, product), rca, mcp));

        static int Number(Dictionary<string, int> keys, string key)
        {
            if (!keys.TryGetValue(key, out var n)) keys.Add(key, n = keys.Count);
            return n;
        }

        public CountryProductMatrix Build(bool withRca)
        {
            var (countries, countryAt) = Ordered(_countries);
            var (products, productAt) = Ordered(_products);
            var P = products.Length;
            var presence = new bool[countries.Length * P];
            var rca = withRca ? new double[presence.Length] : [];
            foreach (var cell in _cells)
            {
                var i = countryAt[cell.Country] * P + productAt[cell.Product];
                presence[i] = cell.Mcp;
                if (withRca) rca[i] = cell.Rca;
            }
            return new CountryProductMatrix { Year = Year, Vintage = Vintage, Countries = countries, Products = products, Presence = presence, Rca = rca };
        }

        /// <summary>The keys in ordinal order, and for each number given while reading its place in that order.</summary>
        static (string[] Keys, int[] PlaceOf) Ordered(Dictionary<string, int> keys)
        {
            var ordered = keys.Keys.Order(StringComparer.Ordinal).ToArray();
            var placeOf = new int[ordered.Length];
            for (var i = 0; i < ordered.Length; i++) placeOf[keys[ordered[i]]] = i;
            return (ordered, placeOf);
        }
    }
}
