using System.Globalization;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// A refresh recomputes what its inputs changed, and gives what a build from scratch gives: the bundled samples
/// (1999-2002) plus two BACI sources of one year each, 2003 and 2004; then the 2004 release is revised.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly PipelineFixture _p;

    public IncrementalBuildTests()
    {
        _p = new PipelineFixture(_dir);
        AddYear(2003, chileToUsa: 1000);
        AddYear(2004, chileToUsa: 1000);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A one-year BACI source: Chile's fresh salmon (030212) to the USA and Japan, Norway's to Japan (values in thousand USD).</summary>
    void AddYear(int year, double chileToUsa)
    {
        var zip = BaciZip.WriteRelease(_dir.Combine("releases", year.ToString(CultureInfo.InvariantCulture), "release.zip"), year,
            $"{year},152,842,030212,{chileToUsa.ToString(CultureInfo.InvariantCulture)},100\n{year},152,392,030212,500,40\n" +
            $"{year},579,392,030212,3000,300\n{year},579,842,010121,200,NA\n");
        _p.Source($"extra_{year}", $$"""
            { "id": "extra_{{year}}", "kind": "baci", "location": "{{zip.Replace("\\", "/")}}", "options": { "hs_vintage": "HS92" } }
            """);
    }

    [Fact]
    public async Task A_revised_year_recomputes_that_year_and_the_years_that_look_back_at_it()
    {
        var first = await _p.RunAsync();
        Assert.Equal("all", _p.Build(first)["marts.cluster_exports"].Recomputed);
        File.Delete(_dir.Combine("releases", "2004", "release.zip"));
        AddYear(2004, chileToUsa: 1500);

        var refresh = await _p.RunAsync();

        var build = _p.Build(refresh);
        var info = RunLedger.Read<BuildInfo>(_p.Layout, refresh.RunId, TransformStage.BuildLedger)!;
        Assert.Equal(("incremental", first.RunId), (info.Mode, info.PreviousRunId));
        // The lake changed in 2004 only: the flows view passes that on, the aggregates recompute 2004 alone.
        Assert.Equal(("view", "2004"), build["staging.stg_trade_flows"]);
        Assert.Equal(("2004", "2004"), build["intermediate.int_country_product_exports"]);
        Assert.Equal(("2004", "none"), build["intermediate.int_trade_basis"]);        // still BACI HS92 in 2004
        Assert.Equal(("2004", "none"), build["intermediate.int_trade_products"]);     // the same product codes
        Assert.Equal(("none", "none"), build["intermediate.int_cluster_products"]);   // so the clusters' codes stand
        Assert.Equal(("view", "2004"), build["marts.country_product_rca"]);   // a view over the sums: nothing stored to recompute
        // Economic complexity, computed in C# year by year: 2004 alone.
        Assert.Equal(("2004", "2004"), build["marts.country_product_complexity"]);
        // cluster_exports reads five years back (growth, CAGR): 2004 changes the rows of 2004 to 2009; only 2004 exists.
        Assert.Equal(("2004, 2005, 2006, 2007, 2008, 2009", "2004"), build["marts.cluster_exports"]);
        // Untouched by trade: the DENUE and FAO models are not recomputed at all.
        Assert.Equal(("none", "none"), build["marts.region_activity"]);
        Assert.Equal(("view", "none"), build["staging.stg_fao_production"]);
        // Chile's salmon 2004: 1,500 + 500 = 2,000 thousand USD = 2,000,000 USD (was 1,500,000).
        Assert.Equal(2_000_000.0, Duck.Scalar(_p.Layout.WarehouseFile,
            "SELECT export_value_usd FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' AND year = 2004"));
        // Publishing wrote the changed years and linked the others from the previous build. RCA rows: the samples' 979
        // plus 3 exporter-products a year in 2003 and 2004 (CHL 030212, NOR 030212, NOR 010121) = 985.
        var publish = refresh.Stages.Single(s => s.Stage == PublishStage.Name).Details;
        Assert.Contains("marts.country_product_rca: 985 rows (years 2004 written, the others linked)", publish);
        Assert.Contains("marts.region_activity: 6 rows (unchanged, linked)", publish);

        // The revised extract of extra_2004 is a release: marts.release_diffs says what it moved, e.g. Chile's salmon 2004,
        // 1,500,000 -> 2,000,000 USD.
        Assert.Equal([1_500_000.0, 2_000_000.0], Duck.Query(_p.Layout.WarehouseFile, """
            SELECT previous_value, current_value FROM marts.release_diffs
            WHERE source = 'extra_2004' AND cluster_id = 'chile-salmon' AND year = 2004 AND indicator = 'cluster_exports.export_value_usd'
            """).Single().Select(Convert.ToDouble));

        // A build from scratch of the same inputs gives the same marts, to the byte but for the run that wrote each file
        // (clusteretl.run_id in its metadata): this other data folder's first run. All but release_diffs: that data folder
        // has seen no release (nor the catalogue and views.sql, which list its files and rows).
        var scratch = new DataLayout(_dir.Combine("scratch"));
        await _p.RunAsync(layout: scratch);
        static Dictionary<string, string> Marts(DataLayout layout) => PipelineFixture.MartFiles(layout, ignoreRunIds: true)
            .Where(f => !f.Key.StartsWith("release_diffs", StringComparison.Ordinal) && !f.Key.StartsWith('_') && f.Key != "views.sql")
            .ToDictionary();
        Assert.Equal(Marts(scratch), Marts(_p.Layout));
        Assert.Equal(["release_diffs.csv differs"], MartSnapshot.CompareWarehouses(scratch.WarehouseFile, _p.Layout.WarehouseFile, _dir.Combine("cmp")));

        // Nothing changed since: nothing is recomputed or published.
        var again = await _p.RunAsync();
        Assert.Equal(["skipped", "skipped"], again.Stages.Where(s => s.Stage is "transform" or "publish").Select(s => s.Status));
    }

    [Fact]
    public async Task A_changed_query_rebuilds_its_model_and_a_changed_comment_rebuilds_nothing()
    {
        var sql = _dir.Combine("sql");
        Repo.CopyDirectory(Repo.Sql, sql);
        await _p.RunAsync(sql: sql);
        var prices = Path.Combine(sql, "marts", "cluster_prices.sql");
        File.WriteAllText(prices, File.ReadAllText(prices).Replace("'Producer (farm-gate) prices of each", "'Farm-gate prices of each"));

        var comments = await _p.RunAsync(sql: sql);

        Assert.All(_p.Build(comments).Values.Where(v => v.Recomputed != "view"), v => Assert.Equal("none", v.Recomputed));
        Assert.StartsWith("Farm-gate prices", (string)Duck.Scalar(_p.Layout.WarehouseFile,
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'cluster_prices'")!);

        File.WriteAllText(prices, File.ReadAllText(prices).Replace("AS farm_gate_share", "AS farm_gate_share -- edited\n"));
        File.WriteAllText(prices, File.ReadAllText(prices).Replace("producer_price_usd_t / nullif(export_unit_value_usd_t, 0)",
            "round(producer_price_usd_t / nullif(export_unit_value_usd_t, 0), 6)"));
        var query = await _p.RunAsync(sql: sql);

        var build = _p.Build(query);
        Assert.Equal("all", build["marts.cluster_prices"].Recomputed);
        Assert.Equal("none", build["marts.cluster_exports"].Recomputed);
    }
}
