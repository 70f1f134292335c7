using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Reference;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Reference;

/// <summary>
/// The reference files generated from the public code lists (pipelines/reference/make_reference.py): complete, chained
/// across HS editions in the warehouse, and (when ../shared is beside the repository) equal to what the inputs give.
/// </summary>
public sealed class ReferenceDataTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    static readonly HsReference Hs = HsReference.LoadFrom(Repo.Pipelines)!;
    static readonly MexicoReference Mexico = MexicoReference.LoadFrom(Repo.Pipelines)!;

    /// <summary>A pipelines folder with the bundled reference, one source and this cluster.</summary>
    void WriteCluster(string id, string json)
    {
        Repo.CopyDirectory(Path.Combine(Repo.Pipelines, "reference"), _dir.Combine("pipelines", "reference"));
        _dir.Write("pipelines/data/x.zip", "x");
        _dir.Write("pipelines/sources/x.json", """{ "id": "x", "kind": "baci", "location": "data/x.zip" }""");
        _dir.Write($"pipelines/clusters/{id}.json", json);
    }

    [Fact]
    public void Every_code_of_every_HS_edition_is_known()
    {
        // SOURCES.md: 45,965 codes; HS92 has 97 chapters, 1,242 headings, 5,040 subheadings; HS22 97 / 1,229 / 5,613.
        Assert.Equal(45_965, Hs.Products.Count);
        Assert.Equal([97, 1_242, 5_040], new[] { 2, 4, 6 }.Select(l => Hs.Products.Count(p => p.HsVintage == "HS92" && p.Code.Length == l)));
        Assert.Equal([97, 1_229, 5_613], new[] { 2, 4, 6 }.Select(l => Hs.Products.Count(p => p.HsVintage == "HS22" && p.Code.Length == l)));
        Assert.True(Hs.IsKnown("HS92", "070920"));
        Assert.Equal(["HS02", "HS07", "HS12", "HS17", "HS22"], Hs.VintagesOf("030311"));
    }

    [Fact]
    public void A_cluster_outside_the_shipped_ones_is_one_JSON_file()
    {
        // Peru's asparagus (HS 070920), which the clusters' own code lists used to refuse.
        WriteCluster("peru-asparagus",
            """{ "id": "peru-asparagus", "name": "Asparagus, Peru (Ica, La Libertad)", "country": "PER", "products": { "hs": ["070920"], "hs_vintage": "HS92", "fao_items": [367] } }""");

        var definitions = PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds);

        Assert.Equal(["070920"], definitions.Clusters.Single().HsCodes);
    }

    [Fact]
    public void A_mistyped_HS_code_names_the_closest_subheadings_of_its_edition()
    {
        WriteCluster("salmon",
            """{ "id": "salmon", "name": "S", "country": "CHL", "products": { "hs": ["030299"], "hs_vintage": "HS92" } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        // 030299 (fish offal) was created by HS2017; in HS92, 030199, 030219 and 030229 are one edit away.
        Assert.Equal("products.hs[0]", e.Field);
        Assert.Contains("HS code 030299 is not in hs_products.csv for HS92 (it exists in HS17, HS22: check hs_vintage) " +
                        "(closest in HS92: 030199, 030219, 030229)", e.Message);
    }

    [Fact]
    public void Every_municipality_and_every_SCIAN_level_is_known()
    {
        // 2,475 municipalities (Marco Geoestadístico 2023) in 32 states; Oaxaca 570, Veracruz 212.
        Assert.Equal(2_475, Mexico.Geo.Count(g => g.Level == "municipality"));
        Assert.Equal(32, Mexico.Geo.Count(g => g.Level == "state"));
        Assert.Equal(570, Mexico.Geo.Count(g => g is { Level: "municipality", StateKey: "20" }));
        Assert.True(Mexico.IsKnownMunicipality("02006"));   // San Quintín, created after the 2020 census
        // SCIAN 2018: 20 sectors, 94 subsectors, 306 ramas, 615 subramas, 1,084 classes = 2,119 codes.
        Assert.Equal(2_119, Mexico.Scian.Count);
        Assert.Equal(1_084, Mexico.Scian.Count(s => s.Code.Length == 6));
        Assert.Equal("31-33", Mexico.Scian.Single(s => s.Code == "311").ParentCode);
        Assert.Equal(["111334", "11133"], [Mexico.Scian.Single(s => s.TitleEs == "Cultivo de aguacate").Code,
            Mexico.Scian.Single(s => s.Code == "111334").ParentCode!]);
        // FAOSTAT's item list, one row per item: 1,792 codes (numeric ones are items; F-codes are groups).
        var items = FaoItemReference.Load(FaoItemReference.PathIn(Repo.Pipelines));
        Assert.Contains(items, i => i is { ItemCode: 367, CpcCode: "01211", HsVintage: "HS12", HsCode: "070920" });   // asparagus
    }

    [Fact]
    public async Task The_concordance_chains_the_correlation_tables_across_editions()
    {
        var db = await new TradeWarehouse(_dir).KeepClusters("chile-salmon").BuildAsync();
        string Targets(string from, string code, string to) => string.Join(", ", Duck.Query(db, $"""
            SELECT to_code || ' ' || relationship FROM ref.hs_concordance
            WHERE from_vintage = '{from}' AND from_code = '{code}' AND to_vintage = '{to}' ORDER BY to_code
            """).Select(r => (string)r[0]!));

        // Frozen Pacific salmon: HS2002 split HS96 030310 into sockeye 030311 and other 030319 (not HS2007, as the
        // hand-made groups had it); HS2012 kept 030311 and renumbered 030319 as 030312.
        Assert.Equal("030311 1:n, 030319 1:n", Targets("HS96", "030310", "HS02"));
        Assert.Equal("030311 1:n, 030312 1:n", Targets("HS92", "030310", "HS12"));
        // Fresh salmon: HS92 030212 -> HS12 030213 + 030214 -> HS17 adds 030299 (the offal HS2017 split out of every
        // fresh fish), which also holds goods of other fish: n:n from HS92, 1:n for the salmon codes.
        Assert.Equal("030213 1:n, 030214 1:n, 030299 n:n", Targets("HS92", "030212", "HS17"));
        // Furniture of other materials: HS2007 split 940380 into 940381 (bamboo or rattan) and 940389; HS2017 split 940381
        // into 940382 (bamboo) and 940383 (rattan): HS12 -> HS17, not HS17 -> HS22 as the hand-made groups had it.
        Assert.Equal("940382 1:n, 940383 1:n", Targets("HS12", "940381", "HS17"));
        Assert.Equal("940382 1:n, 940383 1:n, 940389 1:n", Targets("HS92", "940380", "HS22"));
        // Newer to older too; an unchanged code (linked to itself alone) has no row.
        Assert.Equal("030212 n:1", Targets("HS17", "030214", "HS92"));
        Assert.Equal("", Targets("HS92", "090111", "HS22"));
        // No pair within one edition.
        Assert.Equal(0L, Duck.Scalar(db, "SELECT count(*) FROM ref.hs_concordance WHERE from_vintage = to_vintage"));
    }

    /// <summary>The committed files are what make_reference.py gives from ../shared/data/reference and FAOSTAT's item list.</summary>
    [RequiresSharedFact]
    public void The_committed_reference_files_match_the_public_code_lists()
    {
        var nomenclature = ReadCsv(Repo.SharedFile("data", "reference", "hs_nomenclature.csv"));
        Assert.Equal(nomenclature.Select(r => $"{r["hs_vintage"]}|{r["code"]}|{r["description"]}").Order(StringComparer.Ordinal),
            Hs.Products.Select(p => $"{p.HsVintage}|{p.Code}|{p.Description}").Order(StringComparer.Ordinal));

        // Every pair of the UNSD tables that is not an unchanged code is in the chained concordance (older -> newer), and
        // nothing else of span one: of the 43,863 pairs, those of a code linked to itself alone are left out.
        var concordance = ReadCsv(Path.Combine(Repo.Pipelines, "reference", "hs_concordance.csv.gz"));
        var vintages = HsVintages.All.ToList();
        string Pair(string a, string b, string c, string d) => $"{a}|{b}|{c}|{d}";
        var correlations = ReadCsv(Repo.SharedFile("data", "reference", "hs_concordance.csv"));
        var changed = correlations.Where(r => r["relationship"] != "1:1" || r["from_code"] != r["to_code"]).ToList();
        var spanOne = concordance.Where(r => Math.Abs(vintages.IndexOf(r["to_vintage"]) - vintages.IndexOf(r["from_vintage"])) == 1)
            .Select(r => Pair(r["from_vintage"], r["from_code"], r["to_vintage"], r["to_code"])).ToHashSet();
        Assert.Equal(changed.Select(r => Pair(r["from_vintage"], r["from_code"], r["to_vintage"], r["to_code"])).Order(StringComparer.Ordinal),
            spanOne.Order(StringComparer.Ordinal));

        var municipalities = ReadCsv(Repo.SharedFile("data", "reference", "mx_municipios_inegi.csv"));
        Assert.Equal(municipalities.Select(r => $"{r["cvegeo"]}|{r["nom_mun"]}|{r["cve_ent"]}").Order(StringComparer.Ordinal),
            Mexico.Geo.Where(g => g.Level == "municipality").Select(g => $"{g.InegiKey}|{g.Name}|{g.StateKey}").Order(StringComparer.Ordinal));
        Assert.Equal(municipalities.Select(r => $"{r["cve_ent"]}|{r["nom_ent"]}").Distinct().Order(StringComparer.Ordinal),
            Mexico.Geo.Where(g => g.Level == "state").Select(g => $"{g.InegiKey}|{g.Name}").Order(StringComparer.Ordinal));

        var scian = ReadCsv(Repo.SharedFile("data", "reference", "scian_2018.csv"));
        Assert.Equal(scian.Select(r => $"{r["code"]}|{r["title"]}|{r["parent"]}").Order(StringComparer.Ordinal),
            Mexico.Scian.Select(s => $"{s.Code}|{s.TitleEs}|{s.ParentCode}").Order(StringComparer.Ordinal));

        var items = ReadCsv(Repo.SharedFile("data", "real", "faostat", "item.csv"));
        var shipped = ReadCsv(FaoItemReference.PathIn(Repo.Pipelines));
        Assert.Equal(items.Select(r => r["Item Code"]).Distinct().Order(StringComparer.Ordinal),
            shipped.Select(r => r["Item Code"]).Order(StringComparer.Ordinal));
        var firstRow = items.GroupBy(r => r["Item Code"]).ToDictionary(g => g.Key, g => string.Join("|", g.First().Values));
        Assert.All(shipped, r => Assert.Equal(firstRow[r["Item Code"]], string.Join("|", r.Values)));
    }

    static List<Dictionary<string, string>> ReadCsv(string file)
    {
        var options = new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true, FormatProvider = CultureInfo.InvariantCulture };
        using var text = new StreamReader(ReferenceFiles.Open(file), Encoding.UTF8);
        using var csv = CsvHelper.CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text.ReadToEnd().TrimStart('\uFEFF'))), options, leaveOpen: false);
        var header = csv.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(x => x.h, x => x.v));
        return rows;
    }
}
