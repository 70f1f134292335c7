using System.Net;
using System.Text;

namespace ClusterEtl.Transforms.Site;

/// <summary>Small helpers that write HTML text: escaping, and tables of rows with a format per column.</summary>
public static class Html
{
    /// <summary>Text (or an attribute value) escaped for HTML.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A table: <paramref name="headers"/>, then one row per entry of <paramref name="rows"/>, each value written with the
    /// format of its column (<see cref="CellFormat"/>); text columns are aligned left. A table without rows says so.
    /// </summary>
    public static string Table(IReadOnlyList<string> headers, IReadOnlyList<CellFormat> formats, IEnumerable<object?[]> rows,
        SiteText text, string? cssClass = null)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"table-wrap\"><table").Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append("><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
            sb.Append(formats[i] == CellFormat.Text ? "<th class=\"text\">" : "<th>").Append(Escape(headers[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            sb.Append("<tr>");
            for (var i = 0; i < headers.Count; i++)
                sb.Append(formats[i] == CellFormat.Text ? "<td class=\"text\">" : "<td>")
                  .Append(formats[i] == CellFormat.Html ? row[i] as string : Escape(CellText.Format(row[i], formats[i], text.Code)))
                  .Append("</td>");
            sb.Append("</tr>");
        }
        if (!any) sb.Append($"<tr class=\"empty\"><td colspan=\"{headers.Count}\">{Escape(text["no_rows"])}</td></tr>");
        sb.Append("</tbody></table></div>");
        return sb.ToString();
    }
}
