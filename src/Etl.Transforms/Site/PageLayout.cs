using System.Text;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The frame of every page: language, title, navigation, stylesheet and scripts. Pages of the site link the shared files
/// under <c>assets/</c> (relative paths, so the folder opens from disk anywhere); a single-cluster report carries them inline,
/// so the one file is all it needs.
/// </summary>
/// <param name="Root">Path from the page to the site's root folder ("" or "../"); null for a self-contained page.</param>
public sealed record PageLayout(SiteText Text, string? Root)
{
    public bool SelfContained => Root is null;

    /// <summary>A link to <paramref name="path"/> (relative to the site root), or null in a self-contained page.</summary>
    public string? Link(string path) => Root is null ? null : Root + path;

    /// <summary>The link to the catalogue entry of a model, or its name alone in a self-contained page.</summary>
    public string ModelLink(string model) => Link("catalogue.html") is { } href
        ? $"<a href=\"{Html.Escape(href)}#{Html.Escape(model)}\"><code>{Html.Escape(model)}</code></a>"
        : $"<code>{Html.Escape(model)}</code>";

    public string Render(string title, string body, string builtLine)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html>\n<html lang=\"{Text.Code}\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append($"<title>{Html.Escape(title)}</title>\n");
        if (SelfContained) sb.Append("<style>\n").Append(SiteAssets.Read(SiteAssets.Stylesheet)).Append("</style>\n");
        else sb.Append($"<link rel=\"stylesheet\" href=\"{Root}assets/{SiteAssets.Stylesheet}\">\n");
        sb.Append("</head>\n<body>\n<header class=\"site\"><span class=\"brand\">ClusterEtl</span>");
        if (!SelfContained)
            sb.Append($"<a href=\"{Root}index.html\">{Html.Escape(Text["nav.index"])}</a>")
              .Append($"<a href=\"{Root}catalogue.html\">{Html.Escape(Text["nav.catalogue"])}</a>");
        sb.Append("</header>\n<main>\n").Append(body)
          .Append($"\n<p class=\"note\">{Html.Escape(builtLine)} {Html.Escape(Text["print"])}</p>\n</main>\n");
        if (SelfContained)
            sb.Append("<script>\n").Append(SiteAssets.Read(SiteAssets.ChartJs).Replace("</script", "<\\/script")).Append("\n</script>\n")
              .Append("<script>\n").Append(SiteAssets.Read(SiteAssets.Script)).Append("\n</script>\n");
        else
            sb.Append($"<script src=\"{Root}assets/{SiteAssets.ChartJs}\"></script>\n<script src=\"{Root}assets/{SiteAssets.Script}\"></script>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// A chart with its table below it, its units and where its numbers come from. <paramref name="id"/> names the figure
    /// (<c>figure#id</c>, <c>canvas[data-chart=id]</c>); the chart's JSON sits in <c>script#spec-id</c>.
    /// </summary>
    public static string Figure(string id, string title, ChartSpec? chart, string table, string units, string from) =>
        $"<figure class=\"chart\" id=\"{id}\"><figcaption>{Html.Escape(title)}</figcaption>" +
        (chart is null ? "" :
            $"<div class=\"canvas\"><canvas data-chart=\"{id}\" data-spec=\"spec-{id}\" role=\"img\" aria-label=\"{Html.Escape(title)}\"></canvas></div>" +
            $"<script type=\"application/json\" id=\"spec-{id}\">{chart.ToJson()}</script>") +
        table + $"<p class=\"note\">{Html.Escape(units)} {from}</p></figure>\n";
}
