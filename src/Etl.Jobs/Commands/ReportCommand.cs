using System.CommandLine;
using System.Globalization;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Kernel;
using DuckDB.NET.Data;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>report CLUSTER_ID</c>: a readable profile of one cluster from the published warehouse — the latest year
/// with exports and the trend of the main export, price and concentration indicators — so a person can check a
/// cluster without SQL. Indicators a mart does not have for the cluster print as "-".
/// </summary>
public static class ReportCommand
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The cluster's id, e.g. chile-salmon (see `clusters`)" };
        var data = CommonOptions.DataDir();
        var pipelines = CommonOptions.Pipelines();
        var html = new Option<string?>("--html")
        {
            HelpName = "FILE",
            Description = "Write the cluster's page of the site (charts, tables, sources, data quality) as one self-contained HTML file instead",
        };
        var language = new Option<string?>("--lang")
        {
            HelpName = "en|es",
            Description = "Language of the --html page; default the site language of warehouse.json (en)",
        };
        language.AcceptOnlyFromAmong([.. ClusterEtl.Transforms.Site.SiteText.Languages]);
        var command = new Command("report", "A readable profile of one cluster from the published warehouse: exports, prices and " +
                                            "concentration per year, latest year and trend; with --html FILE its page of the site")
        {
            id, data, pipelines, html, language,
        };
        command.SetAction(p => p.GetValue(html) is { } file
            ? ClusterEtl.Transforms.Site.ClusterFiles.Html(p.GetValue(id)!, Path.GetFullPath(file), p.GetValue(language), p.GetValue(pipelines)!,
                new DataLayout(p.GetValue(data)!))
            : Run(p.GetValue(id)!, new DataLayout(p.GetValue(data)!), Console.Out));
        return command;
    }

    public static int Run(string id, DataLayout layout, TextWriter output)
    {
        if (!File.Exists(layout.WarehouseFile))
            throw new UsageException($"no warehouse in {layout.WarehouseDir}: run the pipeline first (`run`)");
        using var c = DuckDb.Open(layout.WarehouseFile, readOnly: true);
        var cluster = c.Rows("SELECT name, country_iso3, hs_vintage FROM ref.clusters WHERE cluster_id = $1", id).SingleOrDefault();
        if (cluster is null)
        {
            var ids = c.Rows("SELECT cluster_id FROM ref.clusters ORDER BY 1").Select(r => (string)r[0]!);
            throw new UsageException($"no cluster '{id}' in the warehouse (closest: {string.Join(", ", TextDistance.Closest(id, ids))})");
        }
        var built = c.Rows("SELECT run_id, built_at FROM meta.build").Single();
        output.WriteLine($"{id}: {cluster[0]} ({cluster[1]}, products in {cluster[2]})");
        output.WriteLine($"warehouse built by run {built[0]} at {Convert.ToDateTime(built[1], Inv):yyyy-MM-dd HH:mm} UTC");
        if (c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'build_extracts'") > 0 &&
            c.Rows("""
                SELECT source || '=' || extract_id FROM meta.build_extracts
                WHERE as_of AND build_number = (SELECT max(build_number) FROM meta.build_extracts) ORDER BY 1
                """).Select(r => (string)r[0]!).ToList() is { Count: > 0 } asOf)
            output.WriteLine($"built as of older extracts (run --as-of): {string.Join(", ", asOf)}");
        output.WriteLine();

        Section(c, output, "Exports", """
            year, export_value_usd / 1e6, growth_yoy, world_share_value, rca, n_destinations, top_destination,
                   top_destination_share, destination_hhi_norm, unit_value_usd_kg, relative_unit_value, export_share_of_production, value_basis
            """, "cluster_exports", id,
            ["year", "X (M USD)", "growth", "world share", "RCA", "dest.", "top", "top share", "HHI norm", "UV USD/kg", "rel. UV", "X/prod.", "basis"],
            ["0", "N1", "P1", "P2", "N2", "0", "s", "P1", "N3", "N2", "N2", "P1", "s"]);
        Section(c, output, "Prices", """
            year, producer_price_usd_t, real_producer_price, growth_yoy, volatility_5y, export_unit_value_usd_t, farm_gate_share, premium_vs_peers
            """, "cluster_prices", id,
            ["year", "farm-gate USD/t", "real price", "growth", "volatility 5y", "export UV USD/t", "farm-gate share", "vs peers"],
            ["0", "N0", "N0", "P1", "N3", "N0", "P1", "P1"]);
        Section(c, output, "Concentration", """
            year, destination_hhi, destination_cr4, product_hhi, exporter_hhi_world, cluster_rank_world, firm_count,
                   firm_employment_mid, regional_share, location_quotient, notes
            """, "cluster_concentration", id,
            ["year", "dest. HHI", "dest. CR4", "product HHI", "world exporters HHI", "world rank", "firms", "employment (mid)", "regional share", "LQ", "notes"],
            ["0", "N3", "P1", "N3", "N3", "0", "0", "N0", "P1", "N2", "s"]);

        if (Exists(c, "release_diffs") &&
            c.Scalar<long>("SELECT count(*) FROM marts.release_diffs WHERE cluster_id = $1", id) > 0)
            Section(c, output, "Revisions (what the latest release of a source changed, largest moves first)", """
                year, indicator, previous_value, current_value, relative_change, revision, sources_changed,
                       previous_extract_id || ' -> ' || current_extract_id, CASE WHEN as_of THEN 'as of' END
                """, "release_diffs", id,
                ["year", "indicator", "previous", "current", "change", "revision", "sources", "extracts", "build"],
                ["0", "s", "N2", "N2", "P1", "s", "s", "s", "s"],
                // A move several sources share is listed once; at most 15.
                "AND source = split_part(sources_changed, ', ', 1) ORDER BY abs(relative_change) DESC NULLS FIRST, year, indicator LIMIT 15");

        if (Exists(c, "cluster_complexity"))
        {
            Table(c, output, "Complexity (the country's ECI; the cluster's products; the best option by COG)", """
                SELECT x.year, x.hs_vintage, any_value(k.eci), any_value(k.eci_rank)::VARCHAR || ' of ' ||
                       (SELECT count(*) FROM marts.country_complexity AS a
                        WHERE a.year = x.year AND a.hs_vintage = x.hs_vintage AND a.eci IS NOT NULL),
                       (count(*) FILTER (WHERE x.kind = 'cluster product' AND x.mcp))::VARCHAR || ' of ' ||
                       count(*) FILTER (WHERE x.kind = 'cluster product'),
                       avg(x.pci) FILTER (WHERE x.kind = 'cluster product'),
                       avg(x.density) FILTER (WHERE x.kind = 'cluster product' AND NOT x.mcp),
                       arg_max(x.product_code, x.cog) FILTER (WHERE x.kind = 'nearby option'),
                       max(x.cog) FILTER (WHERE x.kind = 'nearby option')
                FROM marts.cluster_complexity AS x
                LEFT JOIN marts.country_complexity AS k
                  ON k.country_iso3 = x.country_iso3 AND k.year = x.year AND k.hs_vintage = x.hs_vintage
                WHERE x.cluster_id = $1
                GROUP BY x.year, x.hs_vintage ORDER BY x.year, x.hs_vintage
                """, id,
                ["year", "HS", "ECI", "ECI rank", "products with RCA", "mean PCI", "density (lacking)", "best option", "its COG"],
                ["0", "s", "N2", "s", "s", "N2", "N3", "s", "N2"]);
        }

        var latest = c.Rows("""
            SELECT year, export_value_usd, cagr_5y, world_share_value, rca FROM marts.cluster_exports
            WHERE cluster_id = $1 AND export_value_usd > 0 ORDER BY year DESC LIMIT 1
            """, id).SingleOrDefault();
        output.WriteLine(latest is null
            ? "No exports of the cluster's products in the trade data."
            : $"Latest year with exports: {latest[0]}: {Format(latest[1], "N0")} USD, world share {Format(latest[3], "P2")}, " +
              $"RCA {Format(latest[4], "N2")}, 5-year CAGR {Format(latest[2], "P1")}.");
        return 0;
    }

    /// <summary>The cluster's rows of one mart, year by year; nothing when the warehouse has no such mart.</summary>
    /// <param name="tail">What follows <c>WHERE cluster_id = $1</c>: more conditions, the order, a limit.</param>
    static void Section(DuckDBConnection c, TextWriter output, string title, string columns, string mart, string id, string[] headers,
        string[] formats, string tail = "ORDER BY year")
    {
        if (Exists(c, mart))
            Table(c, output, title, $"SELECT {columns} FROM marts.{mart} WHERE cluster_id = $1 {tail}", id, headers, formats);
    }

    /// <summary>Whether the warehouse has the mart (a table or a view).</summary>
    static bool Exists(DuckDBConnection c, string mart) => c.Scalar<long>("""
        SELECT count(*) FROM (SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'marts'
                              UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'marts') WHERE name = $1
        """, mart) > 0;

    /// <summary>The rows of <paramref name="sql"/> (the cluster id as $1; the first column the year) as a table.</summary>
    static void Table(DuckDBConnection c, TextWriter output, string title, string sql, string id, string[] headers, string[] formats)
    {
        var rows = c.Rows(sql, id).Select(r => r.Select((v, i) => Format(v, formats[i])).ToArray()).ToList();
        output.WriteLine(title);
        if (rows.Count == 0)
        {
            output.WriteLine("  (no rows)");
            output.WriteLine();
            return;
        }
        // Free-text columns (notes) go under the table, one wrapped paragraph per year; the other columns are split into
        // tables that fit the width, each starting with the year.
        var text = headers.Select((h, i) => (h, i)).Where(x => x.h == "notes").Select(x => x.i).ToHashSet();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var remaining = Enumerable.Range(1, headers.Length - 1).Where(i => !text.Contains(i)).ToList();
        while (remaining.Count > 0)
        {
            var part = new List<int> { 0 };
            var width = Indent.Length + widths[0];
            foreach (var i in remaining)
            {
                if (part.Count > 1 && width + 2 + widths[i] > Width) break;
                part.Add(i);
                width += 2 + widths[i];
            }
            remaining.RemoveRange(0, part.Count - 1);
            output.WriteLine(Indent + string.Join("  ", part.Select(i => headers[i].PadLeft(widths[i]))).TrimEnd());
            foreach (var r in rows) output.WriteLine(Indent + string.Join("  ", part.Select(i => r[i].PadLeft(widths[i]))).TrimEnd());
            if (remaining.Count > 0) output.WriteLine();
        }
        foreach (var i in text)
        {
            if (rows.All(r => r[i] == "-")) continue;
            output.WriteLine();
            output.WriteLine($"{Indent}{headers[i]}:");
            foreach (var r in rows.Where(r => r[i] != "-"))
                foreach (var line in Wrap($"{r[0]}: {r[i]}", Width - Indent.Length * 2))
                    output.WriteLine(Indent + Indent + line);
        }
        output.WriteLine();
    }

    /// <summary>Reports fit a terminal of this many columns.</summary>
    public const int Width = 120;

    const string Indent = "  ";

    /// <summary>Splits text at spaces into lines of at most <paramref name="width"/> characters (a longer word stands alone).</summary>
    static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
            }
            else if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    /// <summary>"-0.0 %" (a tiny negative rounded away) reads as a real decline: print it as "0.0 %".</summary>
    static string NoNegativeZero(string s) => s.StartsWith('-') && s.All(c => c is '-' or '0' or '.' or ',' or ' ' or '%') ? s[1..] : s;

    static string Format(object? v, string format) => v switch
    {
        null or DBNull => "-",
        string s => s,
        bool b => b ? "yes" : "no",
        double d when double.IsFinite(d) => format == "s" ? d.ToString(Inv) : NoNegativeZero(d.ToString(format, Inv)),
        float f => ((double)f).ToString(format, Inv),
        decimal m => ((double)m).ToString(format == "s" ? "G" : format, Inv),
        int or long or short or byte or ulong or uint => Convert.ToInt64(v, Inv).ToString(format == "0" ? "0" : "N0", Inv),
        _ => Convert.ToString(v, Inv) ?? "-",
    };
}
