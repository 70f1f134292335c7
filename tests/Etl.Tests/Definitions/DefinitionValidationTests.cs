using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Definitions;

public sealed class DefinitionValidationTests : IDisposable
{
    readonly TempDir _dir = new();

    public DefinitionValidationTests()
    {
        _dir.Write("pipelines/data/baci.zip", "not read by validation");
        _dir.Write("pipelines/sources/baci.json", """
            // comments and trailing commas are allowed
            { "id": "baci", "kind": "baci", "location": "data/baci.zip", "options": { "hs_vintage": "hs92", }, }
            """);
        _dir.Write("pipelines/clusters/chile-salmon.json", """
            { "id": "chile-salmon", "name": "Salmon", "country": "CHL",
              "products": { "hs": ["0302", "030541"], "hs_vintage": "HS92" } }
            """);
    }

    public void Dispose() => _dir.Dispose();

    string Pipelines => _dir.Combine("pipelines");

    DefinitionException Invalid(string relative, string json)
    {
        _dir.Write(relative, json);
        return Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds));
    }

    [Fact]
    public void Loads_valid_definitions_with_comments_and_resolves_locations()
    {
        var d = PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds);

        var source = Assert.Single(d.Sources);
        Assert.Equal(_dir.Combine("pipelines", "data", "baci.zip"), source.Location);
        Assert.Equal("HS92", ((BaciOptions)source.Options!).HsVintage); // upper-cased
        Assert.Equal(0.01, source.MaxQuarantineShare);  // default
        var cluster = Assert.Single(d.Clusters);
        Assert.Equal(["0302", "030541"], cluster.HsCodes);
    }

    [Fact]
    public void An_invalid_HS_code_names_the_file_and_the_field()
    {
        var e = Invalid("pipelines/clusters/chile-salmon.json", """
            { "id": "chile-salmon", "name": "Salmon", "country": "CHL",
              "products": { "hs": ["0302", "03054X"], "hs_vintage": "HS92" } }
            """);

        Assert.Equal("products.hs[1]", e.Field);
        Assert.Equal("pipelines/clusters/chile-salmon.json", e.FilePath);
        Assert.Contains("'03054X' is not an HS code of 2, 4 or 6 digits", e.Message);
    }

    [Fact]
    public void An_unknown_field_suggests_the_closest_known_one()
    {
        var e = Invalid("pipelines/clusters/chile-salmon.json", """
            { "id": "chile-salmon", "name": "Salmon", "contry": "CHL", "products": { "hs": ["0302"], "hs_vintage": "HS92" } }
            """);

        Assert.Equal("contry", e.Field);
        Assert.Contains("did you mean 'country'?", e.Message);
    }

    [Theory]
    [InlineData("""{ "id": "chile-salmon", "name": "S", "country": "Chile", "products": { "hs": ["0302"], "hs_vintage": "HS92" } }""",
        "country", "'Chile' is not an ISO3 code")]
    [InlineData("""{ "id": "other", "name": "S", "country": "CHL", "products": { "hs": ["0302"], "hs_vintage": "HS92" } }""",
        "id", "'other' must match the file name 'chile-salmon.json'")]
    [InlineData("""{ "id": "chile-salmon", "name": "S", "country": "CHL", "products": { "hs": [] , "hs_vintage": "HS92"} }""",
        "products.hs", "must list at least one value")]
    [InlineData("""{ "id": "chile-salmon", "name": "S", "country": "CHL", "products": { "hs": ["0302"], "hs_vintage": "HS2017" } }""",
        "products.hs_vintage", "'HS2017' is not an HS vintage")]
    [InlineData("""{ "id": "chile-salmon", "name": "S", "country": "CHL" }""", "products", "is required")]
    [InlineData("""{ "id": "chile-salmon", "name": "S", "country": "CHL", """, "$", "not valid JSON at line 1")]
    public void Invalid_clusters_fail_with_field_and_reason(string json, string field, string reason)
    {
        var e = Invalid("pipelines/clusters/chile-salmon.json", json);

        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("""{ "id": "baci", "kind": "comtrad", "location": "data/baci.zip" }""", "kind", "unknown kind 'comtrad' (known: baci, comtrade, denue, inegi_census, inegi_bie, faostat, table)")]
    [InlineData("""{ "id": "baci", "kind": "baci", "location": "data/missing.zip" }""", "location", "file or folder not found")]
    [InlineData("""{ "id": "baci", "kind": "baci", "location": "ftp://example.org/x.zip" }""", "location", "only http(s) URLs and local paths")]
    [InlineData("""{ "id": "baci", "kind": "baci", "location": "data/baci.zip", "max_quarantine_share": 2 }""", "max_quarantine_share", "between 0 and 1")]
    [InlineData("""{ "id": "baci", "kind": "baci", "location": "data/baci.zip", "fetch": { "attempts": 0 } }""", "fetch.attempts", "between 1 and 10")]
    public void Invalid_sources_fail_with_field_and_reason(string json, string field, string reason)
    {
        var e = Invalid("pipelines/sources/baci.json", json);

        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_JSON_syntax_error_gives_one_position_line_and_column_and_no_double_period()
    {
        var e = Invalid("pipelines/clusters/chile-salmon.json", "{\n  \"id\": \"chile-salmon\",\n  \"name\": \"Salmón\" \"country\": \"CHL\"\n}");

        // Line 3 is `  "name": "Salmón" "country": …`: the second string starts at character 20 (ó is two bytes, one character).
        Assert.Equal("validate failed [pipelines/clusters/chile-salmon.json]: field '$': not valid JSON at line 3, column 20: " +
                     "'\"' is invalid after a value. Expected either ',', '}', or ']'. Fix the definition file and run again " +
                     "(`validate` checks definitions without running).", e.Message);
    }

    [Fact]
    public void Every_bad_file_is_reported_in_one_pass_and_other_extensions_are_warned_about()
    {
        _dir.Write("pipelines/sources/baci.json", """{ "id": "baci", "kind": "baci", "locaton": "data/baci.zip" }""");
        _dir.Write("pipelines/clusters/chile-salmon.json", """{ "id": "chile-salmon", "name": "S", "country": "CHL", "products": { "hs": ["3O2"], "hs_vintage": "HS92" } }""");
        _dir.Write("pipelines/clusters/peru-asparagus.yaml", "id: peru-asparagus");

        var d = PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds, out var problems);
        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds));

        Assert.Equal(["locaton", "products.hs[0]"], problems.Select(p => p.Field).ToArray());
        Assert.Contains("did you mean 'location'?", problems[0].Problem);
        Assert.Equal("locaton", e.Field);
        Assert.Contains("(and 1 more problem(s): `validate` lists them all)", e.Message);
        Assert.Equal(2, e.All.Count);
        Assert.Equal(["pipelines/clusters/peru-asparagus.yaml is not read: definitions are *.json files (JSON with // comments); rename it to .json or move it away"],
            d.Warnings);
    }

    [Fact]
    public void An_unknown_option_suggests_the_closest_option_of_that_object()
    {
        var e = Invalid("pipelines/sources/baci.json", """{ "id": "baci", "kind": "baci", "location": "data/baci.zip", "options": { "hs_vintag": "HS92" } }""");

        Assert.Equal("options.hs_vintag", e.Field);
        Assert.Contains("did you mean 'hs_vintage'?", e.Message);
    }

    [Fact]
    public void A_remote_location_is_kept_as_a_URL()
    {
        _dir.Write("pipelines/sources/baci.json", """{ "id": "baci", "kind": "baci", "location": "https://example.org/BACI_HS92.zip" }""");

        var source = PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds).Sources.Single();

        Assert.True(source.IsRemote);
        Assert.Equal("https://example.org/BACI_HS92.zip", source.Location);
    }

    [Fact]
    public void The_bundled_definitions_are_valid()
    {
        var d = PipelineDefinitions.Load(Repo.Pipelines, SourceConnectors.Kinds);

        Assert.Contains(d.Sources, s => s.Id == "baci_hs92_sample");
        Assert.True(d.Clusters.Count >= 3);
    }
}
