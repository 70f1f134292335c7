using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// Writes the static site of a published build (<c>published/&lt;run&gt;/site/</c>, seen as <c>data/site/</c>):
/// <c>index.html</c>, <c>clusters/&lt;id&gt;.html</c> for every cluster, <c>catalogue.html</c> and the shared
/// <c>assets/</c>; and the page of one cluster as a single self-contained file (<c>report ID --html FILE</c>). Every
/// page opens from disk, with no network and no server.
/// </summary>
public static class SiteWriter
{
    /// <summary>Writes the whole site of <paramref name="warehouseFile"/> into <paramref name="siteDir"/> (replaced). Returns the pages written.</summary>
    /// <param name="sourceKinds">Connector kind of each source id, for the catalogue (the warehouse does not keep it).</param>
    public static int WriteSite(string warehouseFile, string siteDir, string language, IReadOnlyDictionary<string, string>? sourceKinds = null)
    {
        var text = SiteText.For(language);
        if (Directory.Exists(siteDir)) Directory.Delete(siteDir, recursive: true);
        Directory.CreateDirectory(Path.Combine(siteDir, "clusters"));
        SiteAssets.WriteAll(Path.Combine(siteDir, "assets"));
        using var c = DuckDb.Open(warehouseFile, readOnly: true);
        var catalog = WarehouseCatalog.Read(c);
        File.WriteAllText(Path.Combine(siteDir, "index.html"), new IndexPage(c, catalog, new PageLayout(text, "")).Render());
        File.WriteAllText(Path.Combine(siteDir, "catalogue.html"), new CataloguePage(catalog, new PageLayout(text, ""), sourceKinds).Render());
        var page = new ClusterPage(c, catalog, new PageLayout(text, "../"), QuarantineDigest.Read(c));
        var pages = 2;
        foreach (var id in c.Rows("SELECT cluster_id FROM ref.clusters ORDER BY 1").Select(r => (string)r[0]!))
        {
            File.WriteAllText(Path.Combine(siteDir, "clusters", id + ".html"), page.Render(id)!);
            pages++;
        }
        return pages;
    }

    /// <summary>
    /// Writes the page of cluster <paramref name="clusterId"/> as one self-contained HTML file (styles and charting script
    /// inline). False when the warehouse has no such cluster.
    /// </summary>
    public static bool WriteClusterReport(string warehouseFile, string clusterId, string file, string language)
    {
        using var c = DuckDb.Open(warehouseFile, readOnly: true);
        var html = new ClusterPage(c, WarehouseCatalog.Read(c), new PageLayout(SiteText.For(language), null), QuarantineDigest.Read(c)).Render(clusterId);
        if (html is null) return false;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(file, html);
        return true;
    }
}
