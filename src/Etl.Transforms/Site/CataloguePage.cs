using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The data catalogue: every model with its description, how it is stored, its row count, the last build and what that
/// build did to it, the models it reads and those that read it (the lineage, as links between the entries), and its
/// columns with type, unit and comment; then every source with its kind, location, last fetch and extract ids.
/// </summary>
public sealed class CataloguePage(WarehouseCatalog catalog, PageLayout layout, IReadOnlyDictionary<string, string>? sourceKinds)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Render()
    {
        var t = layout.Text;
        var built = catalog.BuiltAt.ToString("yyyy-MM-dd HH:mm", Inv);
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape(t["nav.catalogue"])}</h1><p>{Html.Escape(t["cat.intro"])}</p>\n");
        body.Append($"<nav class=\"toc\"><strong>{Html.Escape(t["cat.models"])}</strong><ul>");
        foreach (var m in catalog.Models) body.Append($"<li><a href=\"#{Html.Escape(m.Model)}\">{Html.Escape(m.Model)}</a></li>");
        body.Append($"<li><a href=\"#sources\">{Html.Escape(t["cat.sources"])}</a></li></ul></nav>\n");
        body.Append($"<h2>{Html.Escape(t["cat.models"])}</h2>\n");
        string Links(IEnumerable<string> models) => string.Join(", ", models.Select(d => catalog.Model(d) is null
            ? $"<code>{Html.Escape(d)}</code>" : $"<a href=\"#{Html.Escape(d)}\"><code>{Html.Escape(d)}</code></a>")) is { Length: > 0 } s ? s : "-";
        foreach (var m in catalog.Models)
        {
            body.Append($"<section class=\"model\" id=\"{Html.Escape(m.Model)}\"><h3><code>{Html.Escape(m.Model)}</code></h3>")
                .Append($"<p>{Html.Escape(m.Description)}</p><dl class=\"facts\">")
                .Append($"<dt>{Html.Escape(t["cat.materialized"])}</dt><dd>{Html.Escape(m.Materialized)}</dd>")
                .Append($"<dt>{Html.Escape(t["cat.rows"])}</dt><dd>{CellText.Format(m.Rows, CellFormat.Integer, t.Code)}</dd>")
                .Append($"<dt>{Html.Escape(t["cat.reads"])}</dt><dd class=\"reads\">{Links(m.DependsOn)}</dd>")
                .Append($"<dt>{Html.Escape(t["cat.read_by"])}</dt><dd class=\"read-by\">{Links(catalog.ReadBy(m.Model))}</dd>")
                .Append($"</dl><p class=\"note\">{Html.Escape(t["cat.last_build", catalog.RunId, built, catalog.Mode, m.Recomputed, m.Changed])}</p>")
                .Append(Html.Table([t["cat.column"], t["cat.type"], t["cat.unit"], t["cat.comment"]],
                    [CellFormat.Text, CellFormat.Text, CellFormat.Text, CellFormat.Text],
                    m.Columns.Select(col => new object?[] { col.Name, col.Type, col.Unit, col.Description }), t))
                .Append("</section>\n");
        }
        body.Append($"<h2 id=\"sources\">{Html.Escape(t["cat.sources"])}</h2>\n");
        body.Append(Html.Table([t["col.source"], t["cat.kind"], t["cat.location"], t["cat.last_fetch"], t["cat.extract_id"]],
            [CellFormat.Text, CellFormat.Text, CellFormat.Text, CellFormat.Text, CellFormat.Text],
            catalog.Sources.Select(s => new object?[] { s.Source, sourceKinds?.GetValueOrDefault(s.Source), s.Location,
                s.LastFetch.ToString("yyyy-MM-dd HH:mm", Inv), string.Join(", ", s.ExtractIds) }), t));
        return layout.Render(t["nav.catalogue"] + " - ClusterEtl", body.ToString(), t["built", catalog.RunId, built]);
    }
}
