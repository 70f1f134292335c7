using System.Globalization;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;
using DuckDB.NET.Data;
using MiniExcelLibs;

namespace ClusterEtl.Transforms.Export;

/// <summary>
/// One cluster's data as an Excel workbook (<c>export ID --xlsx FILE</c>), written with MiniExcel: a first sheet
/// <c>about</c> explaining the cluster, every mart, every column (type, unit, description: the <c>COMMENT ON</c> text)
/// and the sources with their extracts, then a sheet per mart with the cluster's rows (for <c>country_product_rca</c>, its
/// country's rows of the cluster's HS6 products, and so for <c>country_product_complexity</c>; for <c>country_complexity</c> its
/// country's rows; for <c>region_activity</c>, the rows of its regions and SCIAN codes; for <c>region_census_activity</c>, the
/// census cells of its regions at its SCIAN codes, their parents and their parts; for <c>unit_value_checks</c>,
/// every exporter's rows of the cluster's products, so that the bands its unit values are judged by can be read).
/// </summary>
public static class ClusterWorkbook
{
    /// <summary>The rows of each mart that belong to the cluster ($1: cluster id).</summary>
    static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["country_product_rca"] = """
            country_iso3 = (SELECT country_iso3 FROM ref.clusters WHERE cluster_id = $1)
            AND product_code IN (SELECT product_code FROM intermediate.int_cluster_products WHERE cluster_id = $1)
            """,
        ["country_product_complexity"] = """
            country_key = (SELECT country_iso3 FROM ref.clusters WHERE cluster_id = $1)
            AND product_code IN (SELECT product_code FROM intermediate.int_cluster_products WHERE cluster_id = $1)
            """,
        ["country_complexity"] = "country_key = (SELECT country_iso3 FROM ref.clusters WHERE cluster_id = $1)",
        ["unit_value_checks"] = """
            (hs_vintage, product_code) IN (SELECT hs_vintage, product_code FROM intermediate.int_cluster_products WHERE cluster_id = $1)
            """,
        ["region_activity"] = """
            EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = $1 AND scian_code LIKE s.scian_code || '%')
            AND EXISTS (SELECT 1 FROM ref.cluster_regions AS g WHERE g.cluster_id = $1 AND municipality_key LIKE g.inegi_key || '%')
            """,
        ["region_census_activity"] = """
            EXISTS (SELECT 1 FROM ref.cluster_scian AS s
                    WHERE s.cluster_id = $1 AND (scian_code LIKE s.scian_code || '%' OR s.scian_code LIKE scian_code || '%'))
            AND EXISTS (SELECT 1 FROM ref.cluster_regions AS g
                        WHERE g.cluster_id = $1 AND coalesce(municipality_key, state_key) LIKE g.inegi_key || '%')
            """,
    };

    /// <summary>Writes the workbook of <paramref name="clusterId"/> to <paramref name="file"/> (replaced); false when there is no such cluster.</summary>
    public static bool Write(string warehouseFile, string clusterId, string file)
    {
        using var c = DuckDb.Open(warehouseFile, readOnly: true);
        var cluster = c.Rows("SELECT name, country_iso3, hs_vintage FROM ref.clusters WHERE cluster_id = $1", clusterId).SingleOrDefault();
        if (cluster is null) return false;
        var catalog = WarehouseCatalog.Read(c);
        var marts = catalog.Models.Where(m => m.Schema == "marts").ToList();
        var about = new List<Dictionary<string, object?>>
        {
            Line("cluster", clusterId, null, null, $"{cluster[0]} ({cluster[1]}, HS codes in {cluster[2]}); warehouse built by run {catalog.RunId} " +
                $"at {catalog.BuiltAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"),
        };
        var sheets = new Dictionary<string, object> { ["about"] = about };
        foreach (var mart in marts)
        {
            about.Add(Line("sheet", mart.Name, null, null, mart.Description + $" (from {mart.Model})"));
            about.AddRange(mart.Columns.Select(col => Line("column", $"{mart.Name}.{col.Name}", col.Type, col.Unit, col.Description)));
            var where = Filters.GetValueOrDefault(mart.Name) ?? (mart.Columns.Any(col => col.Name == "cluster_id") ? "cluster_id = $1" : null);
            if (where is null) continue;
            sheets[mart.Name] = Rows(c, $"SELECT * FROM {mart.Model} WHERE {where} ORDER BY ALL", clusterId, mart.Columns);
        }
        var sources = marts.SelectMany(m => catalog.SourcesOf(m.Model)).DistinctBy(s => s.Source).OrderBy(s => s.Source, StringComparer.Ordinal);
        about.AddRange(sources.Select(s => Line("source", s.Source, null, null,
            $"extract {string.Join(", ", s.ExtractIds)}; fetched {s.LastFetch.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC from {s.Location}")));
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null) Directory.CreateDirectory(dir);
        MiniExcel.SaveAs(file, sheets, overwriteFile: true);
        return true;
    }

    static Dictionary<string, object?> Line(string what, string name, string? type, string? unit, string description) => new()
    {
        ["what"] = what, ["name"] = name, ["type"] = type, ["unit"] = unit, ["description"] = description,
    };

    /// <summary>The rows, each a column -> value map in column order; values Excel cannot hold (lists, huge integers) as text.</summary>
    static List<Dictionary<string, object?>> Rows(DuckDBConnection c, string sql, string clusterId, IReadOnlyList<ModelColumn> columns) =>
        c.Rows(sql, clusterId).Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < columns.Count; i++)
                row[columns[i].Name] = r[i] switch
                {
                    null or string or bool or int or long or short or double or float or decimal or DateTime => r[i],
                    DateTimeOffset o => o.UtcDateTime,
                    System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>()),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                };
            return row;
        }).ToList();
}
