using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Connectors.Table;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Tests.Normalize.Table;

/// <summary>Source kind <c>table</c>: users' CSV and XLSX tables into price_series, firm_exports and regional_production, and the marts.</summary>
public sealed class TableConnectorTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    static readonly PipelineDefinitions Definitions =
        new(Repo.Pipelines, [], [], CountryReference.Load(CountryReference.PathIn(Repo.Pipelines)));

    const string IcoOptions = """
        { "options": { "table": "price_series", "sheet": "Prices to growers", "header_row": 4, "years": "wide",
                       "columns": { "area": "A" },
                       "constants": { "product": "Coffee, green", "unit": "US cents/lb", "currency": "USD" } } }
        """;

    object Options(string json)
    {
        var file = _dir.Write("definition.json", json);
        return new TableConnector().ReadOptions(JsonFields.Load(file, "definition.json").Object("options", required: true), Repo.Pipelines)!;
    }

    Task<NormalizeResult> Normalize(string file, object options, string output, double maxQuarantine = 0.01) =>
        new TableConnector().NormalizeAsync(new NormalizeContext(
            new SourceDefinition("growers", "table", file, "pipelines/sources/growers.json", FetchOptions.Default, maxQuarantine, options),
            [new SourceFile("data", file, Path.GetFileName(file))], "extract123", output, _dir.Combine("quarantine"), null, Definitions), default);

    [RequiresSharedFact]
    public async Task The_ICO_workbook_of_prices_paid_to_growers_reads_year_by_year_with_its_groups()
    {
        var result = await Normalize(Repo.SharedFile("data", "real", "ico", "prices_paid_to_growers.xlsx"), Options(IcoOptions), _dir.Combine("out"));

        // 62 country rows under 4 groups hold 1,176 non-blank cells of 1990-2019; Venezuela and Zimbabwe have none (skipped),
        // and every country name resolves (Tanzania, Democratic Republic of Congo, Trinidad & Tobago included).
        Assert.Equal(1_176, result.Rows);
        Assert.Equal(0, result.Quarantined);
        var glob = _dir.Combine("out", "price_series", "*", "*.parquet");
        // Colombia 1990 = 69.523 US cents/lb = 69.523 x 10 / 0.45359237 = 1,532.719785 USD/t; FAO item 656 by its name.
        Assert.Equal(["Colombia", "COL", 656, 69.523, "US cents/lb", "USD", 1532.719785, "Colombian Milds", 7L], Duck.Query(null, $"""
            SELECT area_name, area_iso3, fao_item_code, price, unit, currency, round(price_usd_t, 6), series_group, line
            FROM read_parquet('{glob}') WHERE area_iso3 = 'COL' AND year = 1990
            """).Single());
        // Brazil appears in two groups (rows 42 and 52): two series, kept apart.
        Assert.Equal([["Brazilian Naturals", 54.3248], ["Robustas", 34.8486]], Duck.Query(null, $"""
            SELECT series_group, price FROM read_parquet('{glob}') WHERE area_iso3 = 'BRA' AND year = 1990 ORDER BY series_group
            """));
        Assert.Equal(4L, Duck.Scalar(null, $"SELECT count(DISTINCT series_group) FROM read_parquet('{glob}')"));
        Assert.Equal(["TTO", "TZA", "COD"], new[] { "Trinidad & Tobago", "Tanzania", "Democratic Republic of Congo" }
            .Select(n => (string)Duck.Scalar(null, $"SELECT DISTINCT area_iso3 FROM read_parquet('{glob}') WHERE area_name = '{n}'")!));
    }

    [RequiresSharedFact]
    public async Task Growers_prices_stand_next_to_FAOs_in_cluster_prices()
    {
        var warehouse = new TradeWarehouse(_dir).KeepClusters("colombia-coffee");
        await Normalize(Repo.SharedFile("data", "real", "ico", "prices_paid_to_growers.xlsx"), Options(IcoOptions), warehouse.Layout.NormalizedDir);
        // FAO's producer price of green coffee in Colombia, 1990: 2,000 USD/t (made up for the comparison).
        var db = await warehouse.FaoPrice("fao_pp", "COL", 656, 1990, 2000).BuildAsync();

        // 1,532.719785 / 2,000 = 0.766359893.
        Assert.Equal([1532.719785, "growers (Colombian Milds)", 0.766359893, 2000.0], Duck.Query(db, """
            SELECT round(grower_price_usd_t, 6), grower_price_series, round(grower_to_fao_price_ratio, 9), producer_price_usd_t
            FROM marts.cluster_prices WHERE cluster_id = 'colombia-coffee' AND year = 1990
            """).Single());
    }

    [Fact]
    public async Task Firms_exports_in_a_CSV_give_the_exporters_concentration()
    {
        // An export association's table: Spanish country names, a group row, a blank line, a column by letter.
        var csv = _dir.Write("exportadores.csv", """
            Exportador,País,Destino,Código SA,Año,Valor USD
            Salmones,,,,,
            Alfa SA,Chile,Estados Unidos,030212,2001,"1,000"
            Beta SA,Chile,Japón,030212,2001,600
            Gamma SA,CHL,Brasil,030212,2001,200
            Delta SA,Chile,Brasil,030212,2001,150
            Epsilon SA,Chile,Brasil,030212,2001,50

            Otros,,,,,
            Zeta SA,Chile,Brasil,080440,2001,5000
            Eta SA,Chilo,Brasil,030212,2001,10
            """);
        var options = Options("""
            { "options": { "table": "firm_exports",
                           "columns": { "exporter": "Exportador", "country": "País", "destination": "C", "product_code": "Código SA",
                                        "year": "Año", "value": "Valor USD" },
                           "constants": { "currency": "USD", "hs_vintage": "HS92" } } }
            """);
        var warehouse = new TradeWarehouse(_dir).KeepClusters("chile-salmon");
        var result = await Normalize(csv, options, warehouse.Layout.NormalizedDir, maxQuarantine: 0.2);
        // 7 firm rows: 6 read; "Chilo" is no country: quarantined with its line (11: the header is line 1) and column.
        Assert.Equal((6L, 1L), (result.Rows, result.Quarantined));
        Assert.Equal(["exportadores.csv", 11L, "country", "'Chilo' is not a country of countries.csv (an ISO3 code, or its name in English or Spanish)"],
            Duck.Query(null, $"""SELECT file, line, "column", reason FROM read_parquet('{_dir.Combine("quarantine", "*", "quarantine.parquet")}')""").Single());
        var db = await warehouse.BuildAsync();

        Assert.Equal(["Salmones", "USA", 1000.0], Duck.Query(db,
            "SELECT series_group, destination_iso3, value_usd FROM staging.stg_firm_exports WHERE exporter = 'Alfa SA'").Single());
        // Chile's salmon exporters in 2001 (Zeta's avocados are not the cluster's): 1,000 + 600 + 200 + 150 + 50 = 2,000;
        // CR4 (1,000 + 600 + 200 + 150) / 2,000 = 0.975; HHI 0.5^2 + 0.3^2 + 0.1^2 + 0.075^2 + 0.025^2 = 0.35625.
        Assert.Equal([5L, 0.975, 0.35625], Duck.Query(db, """
            SELECT exporter_firm_count, round(exporter_firm_cr4, 9), round(exporter_firm_hhi, 9) FROM marts.cluster_concentration
            WHERE cluster_id = 'chile-salmon' AND year = 2001
            """).Single());
    }
}
