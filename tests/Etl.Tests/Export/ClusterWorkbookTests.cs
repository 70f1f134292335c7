using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Site;
using MiniExcelLibs;

namespace ClusterEtl.Tests.Export;

/// <summary><c>export ID --xlsx FILE</c>: the workbook of one cluster, read back with MiniExcel.</summary>
public sealed class ClusterWorkbookTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_workbook_explains_every_column_first_then_holds_the_clusters_rows_of_every_mart()
    {
        var p = new PipelineFixture(_dir);
        await p.RunAsync();
        var file = _dir.Combine("out", "chile-salmon.xlsx");

        Assert.Equal(0, ClusterFiles.Xlsx("chile-salmon", file, p.Layout));

        var sheets = MiniExcel.GetSheetNames(file);
        Assert.Equal("about", sheets[0]);
        // product_proximity has no rows of its own for a cluster (its nearest products are in cluster_complexity): no sheet.
        Assert.Equal(["cluster_complexity", "cluster_concentration", "cluster_coverage", "cluster_destinations", "cluster_export_decomposition",
            "cluster_exports", "cluster_municipalities", "cluster_prices", "country_complexity", "country_product_complexity", "country_product_rca",
            "region_activity", "region_census_activity", "release_diffs", "source_reconciliation", "unit_value_checks"],
            sheets.Skip(1).Order(StringComparer.Ordinal));
        var warehouse = p.Layout.WarehouseFile;

        // The sample's Chilean salmon: 4 years of exports (1999-2002), the mart's values as numbers.
        var exports = MiniExcel.Query(file, useHeaderRow: true, sheetName: "cluster_exports").Cast<IDictionary<string, object?>>().ToList();
        var mart = Duck.Query(warehouse, "SELECT year, export_value_usd, rca FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year");
        Assert.Equal(4, exports.Count);
        Assert.Equal(mart.Select(r => Convert.ToDouble(r[0])), exports.Select(r => Convert.ToDouble(r["year"])));
        Assert.Equal(mart.Select(r => Convert.ToDouble(r[1])), exports.Select(r => Convert.ToDouble(r["export_value_usd"])));
        Assert.All(exports, r => Assert.Equal("chile-salmon", r["cluster_id"]));
        // Salmon has no SCIAN codes: no rows of region_activity, its sheet holds the header alone.
        Assert.DoesNotContain(MiniExcel.Query(file, useHeaderRow: true, sheetName: "region_activity").Cast<IDictionary<string, object?>>(),
            r => r.Values.Any(v => v is not null));

        // The first sheet: every column of every mart with its comment and unit, then the sources with their extracts.
        var about = MiniExcel.Query(file, useHeaderRow: true, sheetName: "about").Cast<IDictionary<string, object?>>().ToList();
        var columns = about.Where(r => (string?)r["what"] == "column").ToDictionary(r => (string)r["name"]!);
        var comments = Duck.Query(warehouse, "SELECT table_name || '.' || column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts'");
        Assert.Equal(comments.Count, columns.Count);
        Assert.All(comments, c => Assert.Equal(c[1], columns[(string)c[0]!]["description"]));
        Assert.Equal("USD", columns["cluster_exports.export_value_usd"]["unit"]);
        var baci = (string)Duck.Scalar(warehouse, "SELECT substr(sha256, 1, 16) FROM meta.extracts WHERE source = 'baci_hs92_sample'")!;
        Assert.Contains(about, r => (string?)r["what"] == "source" && (string?)r["name"] == "baci_hs92_sample" && ((string)r["description"]!).Contains(baci));

        Assert.Equal(2, ClusterFiles.Xlsx("no-such-cluster", file, p.Layout, TextWriter.Null));
    }

    [Fact]
    public async Task The_workbook_of_a_mexican_cluster_holds_its_municipalities_and_the_census_cells_of_its_state()
    {
        var p = new PipelineFixture(_dir);
        await p.RunAsync();
        var file = _dir.Combine("out", "mexico-furniture.xlsx");

        Assert.Equal(0, ClusterFiles.Xlsx("mexico-furniture", file, p.Layout));

        // The sample's furniture municipalities (SAIC_Exporta_SAMPLE.csv, DENUE sample): 1999 Puebla, San Andrés Cholula
        // (withheld), San Pedro Cholula; 2019 Puebla; 2024 (DENUE snapshot) Puebla and San Pedro Cholula.
        var municipalities = MiniExcel.Query(file, useHeaderRow: true, sheetName: "cluster_municipalities").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["1999 21114", "1999 21119", "1999 21140", "2019 21114", "2024 21114", "2024 21140"],
            municipalities.Select(r => $"{Convert.ToInt32(r["year"])} {r["municipality_key"]}"));
        // Census cells of Puebla (21) at 337 (a parent of the cluster's 3371) and 3371: 1999 the state at 337 and 3371 and
        // three municipalities, 2019 the state and Puebla; not Michoacán's agricultural services (11511).
        var census = MiniExcel.Query(file, useHeaderRow: true, sheetName: "region_census_activity").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(7, census.Count);
        Assert.All(census, r => Assert.Equal("21", r["state_key"]));
    }
}
