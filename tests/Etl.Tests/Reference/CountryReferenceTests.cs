using System.Globalization;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Reference;
using ClusterEtl.Tests.Support;
using CsvHelper;

namespace ClusterEtl.Tests.Reference;

public sealed class CountryReferenceTests : IDisposable
{
    static readonly CountryReference Countries = CountryReference.Load(CountryReference.PathIn(Repo.Pipelines));
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static List<Dictionary<string, string?>> ReadCsv(string path)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = ',', FormatProvider = CultureInfo.InvariantCulture });
        var rows = new List<Dictionary<string, string?>>();
        while (csv.Read()) rows.Add(csv.Current.ToDictionary().ToDictionary(kv => kv.Key.Trim('\uFEFF'), kv => kv.Value as string));
        return rows;
    }

    [RequiresSharedFact]
    public void Every_BACI_code_of_the_real_country_file_maps_to_the_same_ISO3_or_a_known_non_country()
    {
        // ../shared/data/real/baci/country_codes.csv (CEPII V202201): 238 codes, some not ISO numeric, some without ISO3.
        var real = ReadCsv(Repo.SharedFile("data", "real", "baci", "country_codes.csv"));
        Assert.Equal(238, real.Count);

        foreach (var row in real)
        {
            var code = int.Parse(row["country_code"]!, CultureInfo.InvariantCulture);
            var entity = Countries.ByBaciCode(code);
            Assert.True(entity is not null, $"BACI code {code} ({row["country_name_abbreviation"]}) is not in countries.csv");
            if (row["iso_3digit_alpha"] is { } iso && iso != "N/A")
                Assert.True(iso == entity.Iso3, $"BACI {code}: file says {iso}, reference says {entity.Iso3}");
            else
                Assert.True(entity.Iso3 is not null || entity.Kind == "residual", $"BACI {code} has neither ISO3 nor a residual kind");
        }
        Assert.Equal("USA", Countries.ByBaciCode(842)!.Iso3);
        Assert.Equal("FRA", Countries.ByBaciCode(251)!.Iso3);
        Assert.Equal("CHE", Countries.ByBaciCode(757)!.Iso3);
        Assert.Equal("IND", Countries.ByBaciCode(699)!.Iso3);
        Assert.Equal("TWN", Countries.ByBaciCode(490)!.Iso3);     // "Other Asia, nes"
        Assert.Equal("residual", Countries.ByBaciCode(697)!.Kind); // "Europe EFTA, nes"
    }

    [RequiresSharedFact]
    public void Every_area_of_the_real_FAOSTAT_downloads_resolves_and_is_valid_in_its_year()
    {
        var web = ReadCsv(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_data.csv"))
            .Select(r => (M49: r["Area Code (M49)"]!, Year: int.Parse(r["Year"]!, CultureInfo.InvariantCulture)));
        var matrix = ReadCsv(Repo.SharedFile("data", "real", "faostat", "FAOSTAT_trade_matrix.csv"))
            .SelectMany(r => new[]
            {
                (M49: r["Reporter Country Code (M49)"]!, Year: int.Parse(r["Year"]!, CultureInfo.InvariantCulture)),
                (M49: r["Partner Country Code (M49)"]!, Year: int.Parse(r["Year"]!, CultureInfo.InvariantCulture)),
            });

        foreach (var (m49, year) in web.Concat(matrix).Distinct())
        {
            var entity = Countries.ByM49(m49);
            Assert.True(entity is not null, $"M49 {m49} does not resolve");
            Assert.True(entity.ValidIn(year), $"{entity.Entity} is not valid in {year}");
        }
    }

    [Fact]
    public void Belgium_Luxembourg_is_valid_only_before_its_successors()
    {
        var blx = Countries.ByM49("058")!;
        var bel = Countries.ByM49("056")!;
        var lux = Countries.ByM49("442")!;

        Assert.Equal(15, blx.FaoCode);
        Assert.True(blx.ValidIn(1999) && !blx.ValidIn(2000));
        Assert.True(bel.ValidIn(2000) && !bel.ValidIn(1999));
        Assert.True(lux.ValidIn(2000) && !lux.ValidIn(1999));
    }

    [Fact]
    public void FAO_aggregates_and_the_composite_China_are_marked_so_totals_do_not_count_them()
    {
        Assert.True(Countries.ByFaoCode(351)!.IsAggregate);   // China = 41 + 96 + 128 + 214
        Assert.False(Countries.ByFaoCode(41)!.IsAggregate);   // mainland China
        Assert.True(Countries.ByFaoCode(5000)!.IsAggregate);  // World
        Assert.True(Countries.ByFaoCode(5207)!.IsAggregate);  // any code >= 5000, listed or not
    }

    [Fact]
    public void A_cluster_with_an_unknown_country_names_file_field_and_closest_codes()
    {
        Directory.CreateDirectory(_dir.Combine("pipelines", "reference"));
        File.Copy(CountryReference.PathIn(Repo.Pipelines), _dir.Combine("pipelines", "reference", CountryReference.FileName));
        _dir.Write("pipelines/data/x.zip", "x");
        _dir.Write("pipelines/sources/x.json", """{ "id": "x", "kind": "baci", "location": "data/x.zip" }""");
        _dir.Write("pipelines/clusters/salmon.json",
            """{ "id": "salmon", "name": "S", "country": "CHI", "products": { "hs": ["0302"], "hs_vintage": "HS92" } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        Assert.Equal("country", e.Field);
        Assert.Equal("pipelines/clusters/salmon.json", e.FilePath);
        // CHI is one letter away from CHE, CHL and CHN (and two from the name Chile).
        Assert.Contains("'CHI' is not a current country or territory in countries.csv (closest: CHE Switzerland, CHL Chile, CHN China (mainland))",
            e.Message);
    }

    [Fact]
    public void An_unknown_ISO3_also_matches_country_names()
    {
        Directory.CreateDirectory(_dir.Combine("pipelines", "reference"));
        File.Copy(CountryReference.PathIn(Repo.Pipelines), _dir.Combine("pipelines", "reference", CountryReference.FileName));
        _dir.Write("pipelines/data/x.zip", "x");
        _dir.Write("pipelines/sources/x.json", """{ "id": "x", "kind": "baci", "location": "data/x.zip" }""");
        _dir.Write("pipelines/clusters/asparagus.json",
            """{ "id": "asparagus", "name": "A", "country": "PRU", "products": { "hs": ["0709"], "hs_vintage": "HS92" } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        // PRU is one edit from the name Peru (insert e) and from the codes NRU, PRI, PRK, PRT, PRY: the name match comes first,
        // then the codes in order.
        Assert.Contains("'PRU' is not a current country or territory in countries.csv (closest: PER Peru, NRU Nauru, PRI Puerto Rico)", e.Message);
    }

    [Fact]
    public void A_cluster_with_an_unknown_FAO_item_names_the_closest_known_items()
    {
        Directory.CreateDirectory(_dir.Combine("pipelines", "reference"));
        File.Copy(Transforms.Reference.FaoItemReference.PathIn(Repo.Pipelines), _dir.Combine("pipelines", "reference", "fao_items.csv"));
        _dir.Write("pipelines/data/x.zip", "x");
        _dir.Write("pipelines/sources/x.json", """{ "id": "x", "kind": "baci", "location": "data/x.zip" }""");
        _dir.Write("pipelines/clusters/dairy.json",
            """{ "id": "dairy", "name": "D", "country": "CHL", "products": { "hs": ["0401"], "hs_vintage": "HS92", "fao_items": [882, 8820] } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        Assert.Equal("products.fao_items[1]", e.Field);
        // FAOSTAT's full item list: 6820 and 882 are one edit away from 8820, 1020 two (ties in code order).
        Assert.Contains("FAO item 8820 is not in fao_items.csv (closest: 6820, 882, 1020)", e.Message);
    }
}
