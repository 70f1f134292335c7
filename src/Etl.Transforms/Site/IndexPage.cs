using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The first page of the site: every cluster with its headline figures for its latest year with exports (value, world
/// share, RCA, growth) and a small chart of its export value by year, linking to its page.
/// </summary>
public sealed class IndexPage(DuckDBConnection c, WarehouseCatalog catalog, PageLayout layout)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Render()
    {
        var t = layout.Text;
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape(t["site.title"])}</h1><p>{Html.Escape(t["index.intro"])}</p>\n<div class=\"cards\">\n");
        var nameColumn = t.Code == "es" ? "name_es" : "name_en";
        var clusters = c.Rows($"""
            SELECT k.cluster_id, k.name, coalesce(n.{nameColumn}, k.country_iso3), l.year, l.export_value_usd, l.world_share_value, l.rca, l.growth_yoy
            FROM ref.clusters AS k LEFT JOIN ref.countries AS n ON n.entity = k.country_iso3
            LEFT JOIN (SELECT * FROM marts.cluster_exports WHERE export_value_usd > 0
                       QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY year DESC) = 1) AS l USING (cluster_id)
            ORDER BY k.cluster_id
            """);
        var trends = c.Rows("SELECT cluster_id, list(year ORDER BY year), list(export_value_usd ORDER BY year) FROM marts.cluster_exports GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => (Years: ((System.Collections.IEnumerable)r[1]!).Cast<object?>().Select(y => Convert.ToString(y, Inv)!).ToList(),
                Values: ((System.Collections.IEnumerable)r[2]!).Cast<object?>().Select(v => v is null ? (object?)null : Math.Round(Convert.ToDouble(v, Inv) / 1e6, 6)).ToList()));
        foreach (var k in clusters)
        {
            var id = (string)k[0]!;
            body.Append($"<div class=\"card\" id=\"card-{Html.Escape(id)}\"><h3><a href=\"clusters/{Html.Escape(id)}.html\">{Html.Escape((string)k[1]!)}</a></h3>")
                .Append($"<p class=\"muted\">{Html.Escape((string)k[2]!)}</p>");
            if (k[3] is null) body.Append($"<p>{Html.Escape(t["index.no_exports"])}</p>");
            else
            {
                body.Append("<dl class=\"facts\">")
                    .Append($"<dt>{Html.Escape(t["index.latest"])}</dt><dd>{k[3]}</dd>")
                    .Append($"<dt>{Html.Escape(t["col.export_value"])}</dt><dd>{CellText.Format(k[4], CellFormat.MillionUsd, t.Code)}</dd>")
                    .Append($"<dt>{Html.Escape(t["col.world_share"])}</dt><dd>{CellText.Format(k[5], CellFormat.Percent, t.Code)}</dd>")
                    .Append($"<dt>{Html.Escape(t["col.rca"])}</dt><dd>{CellText.Format(k[6], CellFormat.Decimal2, t.Code)}</dd>")
                    .Append($"<dt>{Html.Escape(t["col.growth"])}</dt><dd>{CellText.Format(k[7], CellFormat.Percent, t.Code)}</dd></dl>");
            }
            if (trends.TryGetValue(id, out var trend))
            {
                var spec = new ChartSpec("line", trend.Years, [new ChartSeries(t["col.export_value"], trend.Values)]) { YTitle = "M USD" };
                body.Append($"<div class=\"trend\"><canvas data-chart=\"trend-{Html.Escape(id)}\" data-spec=\"spec-trend-{Html.Escape(id)}\" role=\"img\" ")
                    .Append($"aria-label=\"{Html.Escape(t["col.export_value"])}\"></canvas></div>")
                    .Append($"<script type=\"application/json\" id=\"spec-trend-{Html.Escape(id)}\">{spec.ToJson()}</script>");
            }
            body.Append("</div>\n");
        }
        body.Append("</div>\n");
        return layout.Render(t["site.title"] + " - ClusterEtl", body.ToString(),
            t["built", catalog.RunId, catalog.BuiltAt.ToString("yyyy-MM-dd HH:mm", Inv)]);
    }
}
