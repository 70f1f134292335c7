using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The page of one cluster: what it is, then every chart with its table, units and sources (exports and world share, RCA,
/// destinations and their HHI, unit value against peers, the Kaplinsky-Readman quadrant, the Amighini decomposition,
/// producer prices, firm and regional concentration), and a data-quality panel (coverage, quarantined rows, the reasons
/// of empty figures). Read straight from the marts of the published warehouse.
/// </summary>
public sealed class ClusterPage(DuckDBConnection c, WarehouseCatalog catalog, PageLayout layout, QuarantineDigest quarantine)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    SiteText T => layout.Text;

    /// <summary>The page's HTML, or null when the warehouse has no cluster <paramref name="id"/>.</summary>
    public string? Render(string id)
    {
        var nameColumn = T.Code == "es" ? "name_es" : "name_en";
        var cluster = c.Rows($"""
            SELECT k.name, k.country_iso3, coalesce(n.{nameColumn}, k.country_iso3), k.region, k.hs_vintage, k.provenance
            FROM ref.clusters AS k LEFT JOIN ref.countries AS n ON n.entity = k.country_iso3 WHERE k.cluster_id = $1
            """, id).SingleOrDefault();
        if (cluster is null) return null;
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape((string)cluster[0]!)}</h1>\n");
        body.Append($"<nav class=\"toc\"><strong>{Html.Escape(T["contents"])}</strong><ul>");
        var revisions = Revisions(id);
        foreach (var (anchor, key) in new[] { ("about", "about"), ("exports", "sec.exports"), ("destinations", "sec.destinations"),
                     ("prices", "sec.prices"), ("upgrading", "sec.upgrading"), ("concentration", "sec.concentration"),
                     ("complexity", "sec.complexity"), ("revisions", "sec.revisions"), ("quality", "sec.quality") }
                     .Where(x => (x.Item1 != "revisions" || revisions.Count > 0) && (x.Item1 != "complexity" || HasComplexity)))
            body.Append($"<li><a href=\"#{anchor}\">{Html.Escape(T[key])}</a></li>");
        body.Append("</ul></nav>\n");
        About(body, id, cluster, nameColumn);
        Exports(body, id);
        Destinations(body, id);
        Prices(body, id);
        Upgrading(body, id);
        Concentration(body, id);
        Complexity(body, id);
        RevisionsSection(body, revisions);
        Quality(body, id, (string)cluster[1]!);
        return layout.Render($"{cluster[0]} - ClusterEtl", body.ToString(), T["built", catalog.RunId, catalog.BuiltAt.ToString("yyyy-MM-dd HH:mm", Inv)]);
    }

    void About(StringBuilder body, string id, object?[] cluster, string nameColumn)
    {
        string List(string sql) => c.Rows(sql, id).Select(r => Html.Escape(string.Join(" ", r.Where(v => v is not null)))) is var items && items.Any()
            ? string.Join("; ", items) : Html.Escape(T["none"]);
        body.Append($"<h2 id=\"about\">{Html.Escape(T["about"])}</h2><dl class=\"facts\">");
        void Fact(string key, string html) => body.Append($"<dt>{Html.Escape(T[key])}</dt><dd>{html}</dd>");
        Fact("country", Html.Escape($"{cluster[2]} ({cluster[1]})"));
        Fact("region", Html.Escape((string?)cluster[3] ?? "-"));
        Fact("hs_codes", Html.Escape($"{cluster[4]}: ") + List("""
            SELECT h.hs_code, '- ' || coalesce(p.description, '?') FROM ref.cluster_hs_codes AS h
            JOIN ref.clusters AS k USING (cluster_id)
            LEFT JOIN ref.products AS p ON p.hs_vintage = k.hs_vintage AND p.code = h.hs_code
            WHERE h.cluster_id = $1 ORDER BY 1
            """));
        Fact("fao_items", List("""
            SELECT f.item_code, '- ' || coalesce(any_value(i.item_name), '?') FROM ref.cluster_fao_items AS f
            LEFT JOIN ref.fao_items AS i USING (item_code) WHERE f.cluster_id = $1 GROUP BY f.item_code ORDER BY 1
            """));
        Fact("scian", List("""
            SELECT s.scian_code, '- ' || coalesce(r.title_es, '?') FROM ref.cluster_scian AS s LEFT JOIN ref.scian AS r ON r.code = s.scian_code
            WHERE s.cluster_id = $1 ORDER BY 1
            """));
        Fact("inegi_regions", List("""
            SELECT g.inegi_key, '- ' || coalesce(m.name, '?') FROM ref.cluster_regions AS g LEFT JOIN ref.mx_geo AS m USING (inegi_key)
            WHERE g.cluster_id = $1 ORDER BY 1
            """));
        Fact("peers", List($"""
            SELECT coalesce(n.{nameColumn}, p.peer_iso3), '(' || p.peer_iso3 || ')' FROM ref.cluster_peers AS p
            LEFT JOIN ref.countries AS n ON n.entity = p.peer_iso3 WHERE p.cluster_id = $1 ORDER BY p.peer_iso3
            """));
        Fact("literature", Html.Escape((string?)cluster[5] ?? "-"));
        body.Append("</dl>\n");
    }

    void Exports(StringBuilder body, string id)
    {
        body.Append($"<h2 id=\"exports\">{Html.Escape(T["sec.exports"])}</h2>\n");
        var rows = c.Rows("""
            SELECT year, export_value_usd, world_share_value, growth_yoy, rca, value_basis
            FROM marts.cluster_exports WHERE cluster_id = $1 ORDER BY year
            """, id);
        var years = rows.Select(r => Year(r[0])).ToList();
        var chart = new ChartSpec("bar", years,
        [
            new ChartSeries(T["col.export_value"], rows.Select(r => (object?)Scaled(r[1], 1e-6)).ToList(), "bar"),
            new ChartSeries(T["col.world_share"], rows.Select(r => (object?)Number(r[2])).ToList(), "line", "right", "share"),
        ]) { YTitle = "M USD", Y2Title = T["col.world_share"], Y2Unit = "share" };
        body.Append(PageLayout.Figure("exports-value", T["chart.exports"], chart,
            Html.Table([T["col.year"], T["col.export_value"], T["col.world_share"], T["col.growth"], T["col.basis"]],
                [CellFormat.Plain, CellFormat.MillionUsd, CellFormat.Percent, CellFormat.Percent, CellFormat.Text], rows.Select(r => r[..4].Append(r[5]).ToArray()), T),
            T["chart.units", "USD FOB (millions); world share of the trade data loaded, %"], From("marts.cluster_exports")));
        var rca = new ChartSpec("line", years, [new ChartSeries(T["col.rca"], rows.Select(r => (object?)Number(r[4])).ToList())]) { YTitle = "RCA" };
        body.Append(PageLayout.Figure("exports-rca", T["chart.rca"], rca,
            Html.Table([T["col.year"], T["col.rca"]], [CellFormat.Plain, CellFormat.Decimal2], rows.Select(r => new[] { r[0], r[4] }), T),
            T["chart.units", "RCA > 1: the country exports relatively more of these products than the world"], From("marts.cluster_exports")));
    }

    void Destinations(StringBuilder body, string id)
    {
        body.Append($"<h2 id=\"destinations\">{Html.Escape(T["sec.destinations"])}</h2>\n");
        var latest = c.Scalar<int?>("SELECT max(year) FROM marts.cluster_destinations WHERE cluster_id = $1 AND value_usd > 0", id);
        var top = latest is null ? [] : c.Rows("""
            SELECT partner_key, value_usd, share, unit_value_usd_kg FROM marts.cluster_destinations
            WHERE cluster_id = $1 AND year = $2 AND value_usd > 0 ORDER BY rank LIMIT 10
            """, id, latest.Value);
        var chart = new ChartSpec("bar", top.Select(r => (string)r[0]!).ToList(),
            [new ChartSeries(T["col.value_musd"], top.Select(r => (object?)Scaled(r[1], 1e-6)).ToList(), "bar")]) { YTitle = "M USD" };
        body.Append(PageLayout.Figure("destinations-top", T["chart.top_destinations", latest?.ToString(Inv) ?? "-"], top.Count == 0 ? null : chart,
            Html.Table([T["col.destination"], T["col.value_musd"], T["col.share"], T["col.unit_value_kg"]],
                [CellFormat.Text, CellFormat.MillionUsd, CellFormat.Percent, CellFormat.Decimal2], top, T),
            T["chart.units", "USD FOB (millions), share of the year's exports, USD/kg"], From("marts.cluster_destinations")));
        var hhi = c.Rows("""
            SELECT year, n_destinations, destination_hhi, destination_hhi_norm FROM marts.cluster_exports
            WHERE cluster_id = $1 AND export_value_usd > 0 ORDER BY year
            """, id);
        var hhiChart = new ChartSpec("line", hhi.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.hhi"], hhi.Select(r => (object?)Number(r[2])).ToList()),
            new ChartSeries(T["col.hhi_norm"], hhi.Select(r => (object?)Number(r[3])).ToList()),
        ]) { YTitle = T["col.hhi"] };
        body.Append(PageLayout.Figure("destinations-hhi", T["chart.destination_hhi"], hhi.Count == 0 ? null : hhiChart,
            Html.Table([T["col.year"], T["col.n_destinations"], T["col.hhi"], T["col.hhi_norm"]],
                [CellFormat.Plain, CellFormat.Integer, CellFormat.Decimal3, CellFormat.Decimal3], hhi, T),
            T["chart.units", "HHI in (0, 1]: sum of squared destination shares; normalised (UNCTAD) 0 = spread evenly"], From("marts.cluster_exports")));
    }

    void Prices(StringBuilder body, string id)
    {
        body.Append($"<h2 id=\"prices\">{Html.Escape(T["sec.prices"])}</h2>\n");
        var uv = c.Rows("""
            SELECT p.year, p.export_unit_value_usd_t, p.peer_unit_value_usd_t, p.premium_vs_peers, e.relative_unit_value
            FROM marts.cluster_prices AS p LEFT JOIN marts.cluster_exports AS e USING (cluster_id, year)
            WHERE p.cluster_id = $1 AND (p.export_unit_value_usd_t IS NOT NULL OR p.peer_unit_value_usd_t IS NOT NULL) ORDER BY p.year
            """, id);
        var uvChart = new ChartSpec("line", uv.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.cluster_uv"], uv.Select(r => (object?)Number(r[1])).ToList()),
            new ChartSeries(T["col.peers_uv"], uv.Select(r => (object?)Number(r[2])).ToList()),
        ]) { YTitle = "USD/t" };
        body.Append(PageLayout.Figure("prices-unit-value", T["chart.unit_value"], uv.Count == 0 ? null : uvChart,
            Html.Table([T["col.year"], T["col.cluster_uv"], T["col.peers_uv"], T["col.premium"], T["col.relative_uv"]],
                [CellFormat.Plain, CellFormat.Decimal0, CellFormat.Decimal0, CellFormat.Percent, CellFormat.Decimal2], uv, T),
            T["chart.units", "USD per tonne (FOB); relative unit value against all other exporters, product by product"],
            From("marts.cluster_prices", "marts.cluster_exports")));
        var baseYear = c.Scalar<int?>("SELECT max(base_year) FROM marts.cluster_prices WHERE cluster_id = $1", id);
        var pp = c.Rows("""
            SELECT year, producer_price_usd_t, real_producer_price, farm_gate_share FROM marts.cluster_prices
            WHERE cluster_id = $1 AND producer_price_usd_t IS NOT NULL ORDER BY year
            """, id);
        var real = T["col.real", baseYear?.ToString(Inv) ?? "-"];
        var ppChart = new ChartSpec("line", pp.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.nominal"], pp.Select(r => (object?)Number(r[1])).ToList()),
            new ChartSeries(real, pp.Select(r => (object?)Number(r[2])).ToList()),
            new ChartSeries(T["col.farm_gate"], pp.Select(r => (object?)Number(r[3])).ToList(), "bar", "right", "share"),
        ]) { YTitle = "USD/t", Y2Title = T["col.farm_gate"], Y2Unit = "share" };
        body.Append(PageLayout.Figure("prices-producer", T["chart.prices"], pp.Count == 0 ? null : ppChart,
            Html.Table([T["col.year"], T["col.nominal"], real, T["col.farm_gate"]],
                [CellFormat.Plain, CellFormat.Decimal0, CellFormat.Decimal0, CellFormat.Percent], pp, T),
            T["chart.units", "USD per tonne (FAOSTAT PP); real: deflated by US CPI-U; farm-gate share of the export price per tonne of the FAO item"],
            From("marts.cluster_prices")));
    }

    void Upgrading(StringBuilder body, string id)
    {
        body.Append($"<h2 id=\"upgrading\">{Html.Escape(T["sec.upgrading"])}</h2>\n");
        var window = c.Scalar<string?>("SELECT value FROM ref.settings WHERE name = 'decomposition_window_years'") ?? "5";
        var rows = c.Rows("""
            SELECT comparison, year_from, year_to, market_share_change, relative_unit_value_change, quadrant,
                   delta_value_usd, world_demand_effect, market_share_effect, interaction_effect, unit_value_effect
            FROM marts.cluster_export_decomposition WHERE cluster_id = $1 ORDER BY comparison DESC, year_from, year_to
            """, id);
        string Period(object?[] r) => $"{r[1]}-{r[2]}";
        var points = rows.Where(r => r[3] is not null && r[4] is not null).ToList();
        string Comparison(object? c) => (string)c! == "window" ? T["comparison.window", window] : T["comparison." + (string)c!];
        var series = points.GroupBy(r => (string)r[0]!).Select(g => new ChartSeries(Comparison(g.Key),
            g.Select(r => (object?)new ScatterPoint(Number(r[3])!.Value, Number(r[4])!.Value, $"{Period(r)}: {T.Quadrant((string?)r[5])}")).ToList(), "scatter")).ToList();
        var quadrant = new ChartSpec("scatter", [], series)
        {
            XTitle = T["col.market_share_change"], XUnit = "share", YTitle = T["col.ruv_change"], YUnit = "share",
            Quadrants = new QuadrantLabels(T.Quadrant("upgrading"), T.Quadrant("niche"), T.Quadrant("downgrading"), T.Quadrant("immiserising growth")),
        };
        body.Append(PageLayout.Figure("upgrading-quadrant", T["chart.quadrant"], points.Count == 0 ? null : quadrant,
            Html.Table([T["col.comparison"], T["col.period"], T["col.market_share_change"], T["col.ruv_change"], T["col.quadrant"]],
                [CellFormat.Text, CellFormat.Text, CellFormat.Percent, CellFormat.Percent, CellFormat.Text],
                rows.Select(r => new object?[] { Comparison(r[0]), Period(r), r[3], r[4], T.Quadrant((string?)r[5]) }), T),
            T["chart.units", "relative changes (M1/M0 - 1, RUV1/RUV0 - 1); 'within tolerance' when either is at most quadrant_tolerance"],
            From("marts.cluster_export_decomposition")));
        var consecutive = rows.Where(r => (string)r[0]! == "consecutive").ToList();
        var effects = new[] { ("col.world_demand", 7), ("col.market_share", 8), ("col.interaction", 9), ("col.unit_value_effect", 10) };
        var bars = new ChartSpec("bar", consecutive.Select(Period).ToList(),
            effects.Select(e => new ChartSeries(T[e.Item1], consecutive.Select(r => (object?)Scaled(r[e.Item2], 1e-6)).ToList(), "bar")).ToList())
            { YTitle = "M USD", Stacked = true };
        body.Append(PageLayout.Figure("upgrading-decomposition", T["chart.decomposition"], consecutive.Count == 0 ? null : bars,
            Html.Table([T["col.period"], T["col.delta"], .. effects.Select(e => T[e.Item1])],
                [CellFormat.Text, CellFormat.MillionUsd, CellFormat.MillionUsd, CellFormat.MillionUsd, CellFormat.MillionUsd, CellFormat.MillionUsd],
                consecutive.Select(r => new[] { Period(r), r[6], r[7], r[8], r[9], r[10] }), T),
            T["chart.units", "USD (millions); the four effects add up to the change"], From("marts.cluster_export_decomposition")));
    }

    void Concentration(StringBuilder body, string id)
    {
        body.Append($"<h2 id=\"concentration\">{Html.Escape(T["sec.concentration"])}</h2>\n");
        var firms = c.Rows("""
            SELECT year, firm_count, firm_employment_mid, firm_cr4_low, firm_cr4_high, firm_hhi_mid, location_quotient
            FROM marts.cluster_concentration WHERE cluster_id = $1 AND firm_count IS NOT NULL ORDER BY year
            """, id);
        var firmChart = new ChartSpec("bar", firms.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.cr4_low"], firms.Select(r => (object?)Number(r[3])).ToList(), "bar", "left", "share"),
            new ChartSeries(T["col.cr4_high"], firms.Select(r => (object?)Number(r[4])).ToList(), "bar", "left", "share"),
            new ChartSeries(T["col.firm_hhi"], firms.Select(r => (object?)Number(r[5])).ToList(), "bar", "left", "share"),
        ]) { YTitle = "CR4, HHI", YUnit = "share" };
        body.Append(PageLayout.Figure("concentration-firms", T["chart.firms"], firms.Count == 0 ? null : firmChart,
            Html.Table([T["col.year"], T["col.firms"], T["col.employment"], T["col.cr4_low"], T["col.cr4_high"], T["col.firm_hhi"], T["col.lq"]],
                [CellFormat.Plain, CellFormat.Integer, CellFormat.Decimal0, CellFormat.Percent, CellFormat.Percent, CellFormat.Decimal3, CellFormat.Decimal2], firms, T),
            T["chart.units", "shares of employment of the cluster's establishments (size bands give a low and a high bound)"],
            From("marts.cluster_concentration")));
        var lq = MunicipalityQuotients(id);
        var lqChart = new ChartSpec("bar", lq.Select(r => $"{r[2]} ({r[1]})").ToList(),
            [new ChartSeries(T["col.lq"], lq.Select(r => (object?)Number(r[4])).ToList(), "bar")]) { YTitle = "LQ" };
        body.Append(PageLayout.Figure("concentration-lq", T["chart.lq", lq.Count == 0 ? "-" : Convert.ToString(lq[0][0], Inv)!],
            lq.Count == 0 ? null : lqChart,
            Html.Table([T["col.municipality"], T["col.employment"], T["col.lq"]], [CellFormat.Text, CellFormat.Decimal0, CellFormat.Decimal2],
                lq.Select(r => new[] { $"{r[2]} ({r[1]})", r[3], r[4] }), T),
            T["chart.units", "LQ = (e_rs / e_r) / (e_Ns / e_N) on DENUE employment midpoints, per municipality of the cluster; > 1: specialised"],
            From("marts.region_activity")));
        var regional = c.Rows("""
            SELECT year, regional_share, regional_output_share FROM marts.cluster_concentration
            WHERE cluster_id = $1 AND (regional_share IS NOT NULL OR regional_output_share IS NOT NULL) ORDER BY year
            """, id);
        var regionalChart = new ChartSpec("bar", regional.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.regional_share"], regional.Select(r => (object?)Number(r[1])).ToList(), "bar", "left", "share"),
            new ChartSeries(T["col.regional_output_share"], regional.Select(r => (object?)Number(r[2])).ToList(), "bar", "left", "share"),
        ]) { YTitle = T["col.share"], YUnit = "share" };
        body.Append(PageLayout.Figure("concentration-regional", T["chart.regional"], regional.Count == 0 ? null : regionalChart,
            Html.Table([T["col.year"], T["col.regional_share"], T["col.regional_output_share"]],
                [CellFormat.Plain, CellFormat.Percent, CellFormat.Percent], regional, T),
            T["chart.units", "share of national census employment (H001A) and gross production (A111A)"], From("marts.cluster_concentration")));
    }

    bool HasComplexity => catalog.Model("marts.cluster_complexity") is not null && catalog.Model("marts.country_complexity") is not null;

    /// <summary>
    /// The product space around the cluster (<c>marts.cluster_complexity</c>, <c>marts.country_complexity</c>): the country's
    /// ECI and the mean PCI of the cluster's products year by year, and the latest year's diversification options (the
    /// nearest products the country lacks) with their PCI, density and COG.
    /// </summary>
    void Complexity(StringBuilder body, string id)
    {
        if (!HasComplexity) return;
        body.Append($"<h2 id=\"complexity\">{Html.Escape(T["sec.complexity"])}</h2>\n");
        var years = c.Rows("""
            SELECT x.year, x.hs_vintage, any_value(k.eci),
                   any_value(k.eci_rank)::VARCHAR || ' / ' || (SELECT count(*) FROM marts.country_complexity AS a
                                                               WHERE a.year = x.year AND a.hs_vintage = x.hs_vintage AND a.eci IS NOT NULL),
                   (count(*) FILTER (WHERE x.kind = 'cluster product' AND x.mcp))::VARCHAR || ' / ' || count(*) FILTER (WHERE x.kind = 'cluster product'),
                   avg(x.pci) FILTER (WHERE x.kind = 'cluster product')
            FROM marts.cluster_complexity AS x
            LEFT JOIN marts.country_complexity AS k ON k.country_iso3 = x.country_iso3 AND k.year = x.year AND k.hs_vintage = x.hs_vintage
            WHERE x.cluster_id = $1 GROUP BY x.year, x.hs_vintage ORDER BY x.year, x.hs_vintage
            """, id);
        var chart = new ChartSpec("line", years.Select(r => Year(r[0])).ToList(),
        [
            new ChartSeries(T["col.eci"], years.Select(r => (object?)Number(r[2])).ToList()),
            new ChartSeries(T["col.mean_pci"], years.Select(r => (object?)Number(r[5])).ToList()),
        ]) { YTitle = "ECI, PCI" };
        body.Append(PageLayout.Figure("complexity-eci", T["chart.complexity"], years.Count == 0 ? null : chart,
            Html.Table([T["col.year"], "HS", T["col.eci"], T["col.eci_rank"], T["col.products_rca"], T["col.mean_pci"]],
                [CellFormat.Plain, CellFormat.Text, CellFormat.Decimal2, CellFormat.Text, CellFormat.Text, CellFormat.Decimal2], years, T),
            T["chart.units", "ECI and PCI on one scale (mean 0 and sd 1 over the country x product rows of the year, Growth Lab ecomplexity); rank among the exporters of the data loaded"],
            From("marts.country_complexity", "marts.cluster_complexity")));
        var options = c.Rows("""
            SELECT x.option_rank, x.product_code || ' ' || coalesce(p.description, ''), x.nearest_cluster_product, x.proximity, x.pci, x.density, x.cog
            FROM marts.cluster_complexity AS x
            LEFT JOIN ref.products AS p ON p.hs_vintage = x.hs_vintage AND p.code = x.product_code
            WHERE x.cluster_id = $1 AND x.kind = 'nearby option'
              AND (x.year, x.hs_vintage) = (SELECT (year, hs_vintage) FROM marts.cluster_complexity WHERE cluster_id = $1
                                            ORDER BY year DESC, hs_vintage DESC LIMIT 1)
            ORDER BY x.option_rank
            """, id);
        var latest = years.Count == 0 ? "-" : Year(years[^1][0]);
        body.Append(PageLayout.Figure("complexity-options", T["chart.options", latest], null,
            Html.Table([T["col.rank"], T["col.product"], T["col.nearest"], T["col.proximity"], "PCI", T["col.density"], "COG"],
                [CellFormat.Plain, CellFormat.Text, CellFormat.Plain, CellFormat.Decimal2, CellFormat.Decimal2, CellFormat.Decimal3, CellFormat.Decimal2], options, T),
            T["chart.units", "proximity: the minimum of the two conditional probabilities of exporting both with RCA >= 1; density: how much of the product's neighbourhood the country already has; COG: the complexity outlook it would gain"],
            From("marts.cluster_complexity")));
    }

    /// <summary>
    /// The cluster's rows of <c>marts.release_diffs</c>, largest relative moves first (those without one, appeared or
    /// disappeared, before them), at most 25; a move several sources share is shown once. Empty without the mart.
    /// </summary>
    List<object?[]> Revisions(string id) => catalog.Model("marts.release_diffs") is null ? [] : c.Rows("""
        SELECT year, indicator, previous_value, current_value, relative_change, revision, sources_changed,
               previous_extract_id || ' -> ' || current_extract_id, as_of
        FROM marts.release_diffs
        WHERE cluster_id = $1 AND source = split_part(sources_changed, ', ', 1)
        ORDER BY abs(relative_change) DESC NULLS FIRST, year, indicator LIMIT 25
        """, id);

    void RevisionsSection(StringBuilder body, List<object?[]> rows)
    {
        if (rows.Count == 0) return;
        body.Append($"<h2 id=\"revisions\">{Html.Escape(T["sec.revisions"])}</h2>\n<p>{Html.Escape(T["revisions.intro"])}</p>");
        if (rows.Any(r => r[8] is true)) body.Append($"<p class=\"note\">{Html.Escape(T["revisions.as_of"])}</p>");
        body.Append(Html.Table([T["col.year"], T["col.indicator"], T["col.previous"], T["col.current"], T["col.relative_change"],
                T["col.revision"], T["col.sources_changed"], T["col.extracts"]],
            [CellFormat.Plain, CellFormat.Text, CellFormat.Decimal2, CellFormat.Decimal2, CellFormat.Percent, CellFormat.Text, CellFormat.Text,
                CellFormat.Text], rows.Select(r => r[..8]), T));
        body.Append($"<p class=\"note\">{From("marts.release_diffs")}</p>\n");
    }

    /// <summary>
    /// Location quotients of the cluster's municipalities in the newest DENUE snapshot: its SCIAN classes s in municipality r
    /// against the snapshot's whole register N, from <c>marts.region_activity</c>: snapshot year, key, name, e_rs, LQ.
    /// </summary>
    List<object?[]> MunicipalityQuotients(string id) => c.Rows("""
        WITH ra AS (SELECT * FROM marts.region_activity WHERE year = (SELECT max(year) FROM marts.region_activity)),
        selected AS (SELECT * FROM ra WHERE EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = $1 AND ra.scian_code LIKE s.scian_code || '%')),
        regional AS (
            SELECT municipality_key, any_value(municipality_name) AS name, sum(employment_mid) AS e_rs FROM selected
            WHERE EXISTS (SELECT 1 FROM ref.cluster_regions AS g WHERE g.cluster_id = $1 AND selected.municipality_key LIKE g.inegi_key || '%')
            GROUP BY 1),
        totals AS (SELECT municipality_key, sum(employment_mid) AS e_r FROM ra GROUP BY 1)
        SELECT (SELECT max(year) FROM ra), r.municipality_key, r.name, r.e_rs,
               CAST(r.e_rs AS DOUBLE) / t.e_r / (CAST((SELECT sum(employment_mid) FROM selected) AS DOUBLE) / (SELECT sum(employment_mid) FROM ra))
        FROM regional AS r JOIN totals AS t USING (municipality_key) WHERE t.e_r > 0 ORDER BY 5 DESC, 2
        """, id);

    void Quality(StringBuilder body, string id, string country)
    {
        body.Append($"<h2 id=\"quality\">{Html.Escape(T["sec.quality"])}</h2>\n<div class=\"quality\">");
        body.Append($"<h3>{Html.Escape(T["quality.coverage"])}</h3>");
        var coverage = catalog.Model("marts.cluster_coverage");
        var row = coverage is null ? null : c.Rows("SELECT * FROM marts.cluster_coverage WHERE cluster_id = $1", id).SingleOrDefault();
        if (coverage is not null && row is not null)
            body.Append(Html.Table([T["col.field"], T["col.value"], T["col.description"]], [CellFormat.Html, CellFormat.Text, CellFormat.Text],
                coverage.Columns.Select((col, i) => new object?[] { $"<code>{Html.Escape(col.Name)}</code>", CoverageValue(row[i], col.Name),
                    col.Description }), T));
        body.Append($"<h3>{Html.Escape(T["quality.quarantine"])}</h3>");
        body.Append(Quarantine(id, country));
        body.Append($"<h3>{Html.Escape(T["quality.notes"])}</h3>");
        var notes = c.Rows("""
            SELECT string_agg(CAST(year AS VARCHAR), ', ' ORDER BY year), notes FROM marts.cluster_concentration
            WHERE cluster_id = $1 AND notes IS NOT NULL GROUP BY notes ORDER BY min(year)
            """, id);
        body.Append(notes.Count == 0 ? $"<p>{Html.Escape(T["quality.no_notes"])}</p>"
            : Html.Table([T["col.year"], T["col.notes"]], [CellFormat.Text, CellFormat.Text], notes, T));
        body.Append($"<p class=\"note\">{From("marts.cluster_coverage", "marts.cluster_concentration", "staging.stg_quarantine")}</p></div>\n");
    }

    /// <summary>The quarantined rows of the cluster's sources: its trade sources (rows of its country, or of no known country),
    /// and the FAOSTAT and INEGI sources when it has FAO items or SCIAN codes.</summary>
    string Quarantine(string id, string country)
    {
        if (quarantine.Error is { } error) return $"<p class=\"note\">staging.stg_quarantine: {Html.Escape(error)}</p>";
        var trade = c.Rows("SELECT unnest(string_split(source_ids, ', ')) FROM marts.cluster_coverage WHERE cluster_id = $1", id)
            .Select(r => (string)r[0]!).ToHashSet();
        var fao = c.Scalar<long>("SELECT count(*) FROM ref.cluster_fao_items WHERE cluster_id = $1", id) > 0
            ? catalog.LakeSources("fao_observations", "fao_trade_matrix") : new HashSet<string>();
        var inegi = c.Scalar<long>("SELECT count(*) FROM ref.cluster_scian WHERE cluster_id = $1", id) > 0
            ? catalog.LakeSources("establishments", "census_units") : new HashSet<string>();
        var (total, rows) = quarantine.Select((source, reporter) =>
            (trade.Contains(source) && (reporter is null || reporter == country)) || fao.Contains(source) || inegi.Contains(source));
        if (total == 0) return $"<p>{Html.Escape(T["quality.no_quarantine"])}</p>";
        return Html.Table([T["col.source"], T["col.file"], T["col.line"], T["col.column"], T["col.reason"]],
                   [CellFormat.Text, CellFormat.Text, CellFormat.Plain, CellFormat.Text, CellFormat.Text], rows, T) +
               (total > rows.Count ? $"<p class=\"note\">{Html.Escape(T["quality.more", total - rows.Count])}</p>" : "");
    }

    /// <summary>"From marts.x; data: source (extract id, fetched date), ...": where a chart's numbers come from.</summary>
    string From(params string[] models)
    {
        var sources = models.SelectMany(m => catalog.SourcesOf(m)).DistinctBy(s => s.Source).OrderBy(s => s.Source, StringComparer.Ordinal)
            .Select(s => Html.Escape(T["extract", s.Source, string.Join(", ", s.ExtractIds), s.LastFetch.ToString("yyyy-MM-dd", Inv)]));
        return T["chart.from", string.Join(", ", models.Select(layout.ModelLink)), string.Join("; ", sources)];
    }

    string? CoverageValue(object? v, string column) => v switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>()),
        long or int or short or ulong or uint => CellText.Format(v, CellFormat.Integer, T.Code),
        _ when column.EndsWith("share", StringComparison.Ordinal) => CellText.Format(v, CellFormat.Percent, T.Code),
        _ => CellText.Format(v, CellFormat.Decimal2, T.Code),
    };

    static string Year(object? v) => Convert.ToString(v, Inv) ?? "";

    static double? Number(object? v) => v is null ? null : Convert.ToDouble(v, Inv) is var d && double.IsFinite(d) ? d : null;

    static double? Scaled(object? v, double factor) => Number(v) is { } d ? Math.Round(d * factor, 6) : null;
}
