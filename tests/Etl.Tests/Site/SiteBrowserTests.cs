using System.Globalization;
using System.Text.Json.Nodes;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Site;

namespace ClusterEtl.Tests.Site;

/// <summary>
/// The published site opened in a real browser (headless Chromium through the DevTools protocol): every chart drawn by
/// Chart.js with the points and bars of the sample's marts, tables holding the marts' values, links that resolve, no
/// script error; a screenshot of each page type is kept under <see cref="PublishedSiteFixture.Screenshots"/>.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class SiteBrowserTests(PublishedSiteFixture site) : IClassFixture<PublishedSiteFixture>
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>For every chart of the page: its id and, per dataset, the elements Chart.js drew with a value (gaps not counted).</summary>
    const string ChartsScript = """
        JSON.stringify([...document.querySelectorAll('canvas[data-chart]')].map(c => {
          const chart = Chart.getChart(c);
          return { id: c.dataset.chart, drawn: !!chart && c.width > 0 && c.height > 0,
                   points: chart ? chart.data.datasets.map((d, i) => chart.getDatasetMeta(i).data
                       .filter(e => !e.skip && Number.isFinite(e.x) && Number.isFinite(e.y)).length) : [] };
        }))
        """;

    string SitePage(string relative) => Path.Combine(site.Layout.SiteDir, relative);

    async Task<Dictionary<string, int[]>> Charts()
    {
        var charts = JsonNode.Parse((await site.Browser.EvaluateAsync(ChartsScript))!.GetValue<string>())!.AsArray();
        Assert.All(charts, c => Assert.True(c!["drawn"]!.GetValue<bool>(), $"chart {c["id"]} was not drawn"));
        return charts.ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["points"]!.AsArray().Select(p => p!.GetValue<int>()).ToArray());
    }

    /// <summary>The text of the cells of the table in figure <paramref name="figure"/>, row by row.</summary>
    async Task<List<string[]>> Table(string figure) =>
        JsonNode.Parse((await site.Browser.EvaluateAsync($$"""
            JSON.stringify([...document.querySelectorAll('#{{figure}} table tbody tr')].map(tr => [...tr.cells].map(td => td.textContent)))
            """))!.GetValue<string>())!.AsArray().Select(r => r!.AsArray().Select(c => c!.GetValue<string>()).ToArray()).ToList();

    List<object?[]> Mart(string sql) => Duck.Query(site.Layout.WarehouseFile, sql);

    [RequiresChromiumFact]
    public async Task A_cluster_page_draws_every_chart_with_the_points_of_its_marts_and_tables_hold_their_values()
    {
        await site.Browser.OpenAsync(SitePage("clusters/chile-salmon.html"));
        var charts = await Charts();
        // The sample's Chilean salmon: trade data 1999-2002 (4 years, every one with exports), 6 destinations in 2002, three
        // consecutive year pairs (1999-2000, 2000-2001, 2001-2002) and no window (5 years need 6 years of data), no FAO items
        // (no producer prices) and no SCIAN codes (no firm or regional figures: those charts are not drawn).
        Assert.Equal([4, 4], charts["exports-value"]);       // 4 bars of value, 4 points of world share
        Assert.Equal([4], charts["exports-rca"]);
        Assert.Equal([6], charts["destinations-top"]);       // JPN USA BRA DEU MEX ESP
        Assert.Equal([4, 4], charts["destinations-hhi"]);
        Assert.Equal([4, 4], charts["prices-unit-value"]);
        Assert.Equal([3], charts["upgrading-quadrant"]);     // one point per year pair, consecutive only
        Assert.Equal([3, 3, 3, 3], charts["upgrading-decomposition"]); // 4 effects x 3 periods = 12 bars
        Assert.DoesNotContain("prices-producer", charts.Keys);
        Assert.DoesNotContain("concentration-firms", charts.Keys);
        Assert.Equal(charts["exports-value"][0], (int)(long)Duck.Scalar(site.Layout.WarehouseFile,
            "SELECT count(*) FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon'")!);

        var exports = await Table("exports-value");
        var mart = Mart("SELECT year, export_value_usd, world_share_value FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year");
        Assert.Equal(mart.Count, exports.Count);
        for (var i = 0; i < mart.Count; i++)
        {
            Assert.Equal(Convert.ToString(mart[i][0], Inv), exports[i][0]);
            Assert.Equal((Convert.ToDouble(mart[i][1], Inv) / 1e6).ToString("N1", Inv), exports[i][1]);
            Assert.Equal((Convert.ToDouble(mart[i][2], Inv) * 100).ToString("N1", Inv) + " %", exports[i][2]);
        }
        Assert.Equal(["2002", "1,005.0"], exports[^1][..2]); // the sample's 2002: 1,005.0 M USD (as `report chile-salmon` prints)

        var quadrants = await Table("upgrading-quadrant");
        var expected = Mart("""
            SELECT year_from || '-' || year_to, quadrant FROM marts.cluster_export_decomposition
            WHERE cluster_id = 'chile-salmon' ORDER BY comparison DESC, year_from
            """).Select(r => new[] { (string)r[0]!, (string)r[1]! }).ToList();
        Assert.Equal(expected, quadrants.Select(r => new[] { r[1], r[4] }).ToList());
        Assert.Contains(quadrants, r => r[4] == "within tolerance");
        Assert.Contains(quadrants, r => r[4] == "upgrading");

        var destinations = await Table("destinations-top");
        Assert.Equal(["JPN", "USA", "BRA", "DEU", "MEX", "ESP"], destinations.Select(r => r[0]).ToArray());

        // The product space: Chile's ECI and its salmon codes' mean PCI in each of the 4 years (as `report chile-salmon`
        // prints them, from marts.country_complexity and marts.cluster_complexity), and the 10 nearest products it lacks in 2002.
        Assert.Equal([4, 4], charts["complexity-eci"]);
        var complexity = await Table("complexity-eci");
        Assert.Equal(["2002", "HS92", "-0.58", "21 / 38", "4 / 4", "-0.74"], complexity[^1]);
        var options = await Table("complexity-options");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(Inv)), options.Select(r => r[0]));
        Assert.StartsWith("270900", options[0][1]);           // option 1: proximity 1/3 to 030212, the highest
        Assert.Empty(site.Browser.Errors);
        await site.Browser.ScreenshotAsync(Path.Combine(PublishedSiteFixture.Screenshots, "cluster.png"));
    }

    [RequiresChromiumFact]
    public async Task A_mexican_cluster_page_draws_firm_and_regional_concentration_and_says_why_figures_are_empty()
    {
        await site.Browser.OpenAsync(SitePage("clusters/mexico-furniture.html"));
        var charts = await Charts();
        // DENUE sample, snapshot 2024: one year of firm figures (CR4 low, CR4 high, HHI: 3 bars); census 1999 and 2019 (2 years x
        // employment and output shares: 4 bars); SCIAN 3371 in Puebla (21): two municipalities, 21114 and 21140.
        Assert.Equal([1, 1, 1], charts["concentration-firms"]);
        Assert.Equal([2, 2], charts["concentration-regional"]);
        Assert.Equal([2], charts["concentration-lq"]);
        // LQ = (e_rs / e_r) / (e_Ns / e_N) on midpoints: both municipalities hold only furniture (e_rs = e_r: 23 + 109 = 132 in
        // Puebla, 51 in San Pedro Cholula); furniture in the snapshot e_Ns = 23 + 109 + 51 = 183; everything e_N = 10.5 + 23 +
        // 696.5 + 63.5 + 51 + 109 = 953.5; LQ = 953.5 / 183 = 5.21 for both.
        var lq = await Table("concentration-lq");
        Assert.Equal([["Puebla (21114)", "132", "5.21"], ["San Pedro Cholula (21140)", "51", "5.21"]], lq);
        var firms = await Table("concentration-firms");
        Assert.Equal(["2024", "10"], firms.Single()[..2]);
        var notes = await site.Browser.EvaluateAsync("document.querySelector('#quality').parentElement.textContent");
        Assert.Contains("no DENUE snapshot for the year", notes!.GetValue<string>());
        Assert.Empty(site.Browser.Errors);
    }

    [RequiresChromiumFact]
    public async Task The_index_shows_every_cluster_with_its_trend_and_every_link_of_the_site_resolves()
    {
        await site.Browser.OpenAsync(SitePage("index.html"));
        var charts = await Charts();
        // 12 clusters in pipelines/clusters/, each with 4 years of exports in the sample (1999-2002): 4 points per trend.
        Assert.Equal(12, charts.Count);
        Assert.All(charts.Values, points => Assert.Equal([4], points));
        Assert.Empty(site.Browser.Errors);
        await site.Browser.ScreenshotAsync(Path.Combine(PublishedSiteFixture.Screenshots, "index.png"));

        // Every link of every page points to a file that exists, and to an element of it when it names one.
        var pages = new[] { "index.html", "catalogue.html" }.Concat(Directory.GetFiles(SitePage("clusters")).Select(f => "clusters/" + Path.GetFileName(f)));
        var links = new HashSet<string>();
        foreach (var page in pages)
        {
            await site.Browser.OpenAsync(SitePage(page));
            Assert.Empty(site.Browser.Errors);
            foreach (var href in (await site.Browser.EvaluateAsync("[...document.querySelectorAll('a[href]')].map(a => a.href)"))!.AsArray())
                links.Add(href!.GetValue<string>());
        }
        Assert.True(links.Count > 100, $"only {links.Count} links");
        foreach (var group in links.Select(l => new Uri(l)).GroupBy(u => u.GetLeftPart(UriPartial.Path)))
        {
            var file = new Uri(group.Key).LocalPath;
            Assert.True(File.Exists(file), $"a link points to {file}, which does not exist");
            var fragments = group.Select(u => Uri.UnescapeDataString(u.Fragment.TrimStart('#'))).Where(f => f.Length > 0).Distinct().ToList();
            if (fragments.Count == 0) continue;
            await site.Browser.OpenAsync(file);
            var missing = await site.Browser.EvaluateAsync(
                $"{new JsonArray(fragments.Select(f => (JsonNode)f!).ToArray()).ToJsonString()}.filter(id => !document.getElementById(id))");
            Assert.True(missing!.AsArray().Count == 0, $"{file} has no element {missing.ToJsonString()}");
        }
    }

    [RequiresChromiumFact]
    public async Task The_catalogue_lists_every_model_with_its_columns_and_lineage()
    {
        await site.Browser.OpenAsync(SitePage("catalogue.html"));
        var models = Mart("SELECT model FROM meta.models ORDER BY 1").Select(r => (string)r[0]!).ToList();
        var sections = (await site.Browser.EvaluateAsync("[...document.querySelectorAll('section.model')].map(s => s.id).sort()"))!.AsArray()
            .Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(models, sections);
        // marts.cluster_prices reads marts.cluster_exports: each entry names the other.
        var reads = (await site.Browser.EvaluateAsync("document.getElementById('marts.cluster_prices').querySelector('dd.reads').textContent"))!.GetValue<string>();
        var readBy = (await site.Browser.EvaluateAsync("document.getElementById('marts.cluster_exports').querySelector('dd.read-by').textContent"))!.GetValue<string>();
        Assert.Contains("marts.cluster_exports", reads);
        Assert.Contains("marts.cluster_prices", readBy);
        // Every column of marts.cluster_exports with its comment, as in the warehouse.
        var columns = (await site.Browser.EvaluateAsync("""
            [...document.getElementById('marts.cluster_exports').querySelectorAll('tbody tr')].map(tr => tr.cells[0].textContent + '|' + tr.cells[3].textContent)
            """))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var expected = Mart("""
            SELECT column_name || '|' || comment FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = 'cluster_exports' ORDER BY column_index
            """).Select(r => (string)r[0]!).ToList();
        Assert.Equal(expected, columns);
        var sources = (await site.Browser.EvaluateAsync("document.getElementById('sources').nextElementSibling.textContent"))!.GetValue<string>();
        Assert.Contains("baci_hs92_sample", sources);
        Assert.Contains("baci", sources);
        Assert.Empty(site.Browser.Errors);
        await site.Browser.ScreenshotAsync(Path.Combine(PublishedSiteFixture.Screenshots, "catalogue.png"));
    }

    [RequiresChromiumFact]
    public async Task The_html_report_of_one_cluster_is_one_self_contained_file_in_spanish()
    {
        var file = Path.Combine(Path.GetDirectoryName(site.Layout.DataDir)!, "report", "chile-salmon.es.html");
        Assert.Equal(0, ClusterFiles.Html("chile-salmon", file, "es", site.Pipeline.Pipelines, site.Layout));
        await site.Browser.OpenAsync(file);
        var charts = await Charts();
        Assert.Equal([4, 4], charts["exports-value"]);
        Assert.Equal("es", (await site.Browser.EvaluateAsync("document.documentElement.lang"))!.GetValue<string>());
        // Nothing loaded besides the file itself: styles and scripts are inline.
        Assert.Equal(0, (await site.Browser.EvaluateAsync("performance.getEntriesByType('resource').length"))!.GetValue<int>());
        var exports = await Table("exports-value");
        Assert.Equal(["2002", "1.005,0"], exports[^1][..2]); // Spanish separators
        var quadrants = await Table("upgrading-quadrant");
        Assert.Contains(quadrants, r => r[4] == "dentro de la tolerancia");
        Assert.Empty(site.Browser.Errors);
        await site.Browser.ScreenshotAsync(Path.Combine(PublishedSiteFixture.Screenshots, "report-es.png"));
        Assert.Equal(2, ClusterFiles.Html("no-such-cluster", file + ".x", "es", site.Pipeline.Pipelines, site.Layout, TextWriter.Null));
    }
}
