using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Reference;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Reference;

public sealed class MexicoReferenceTests : IDisposable
{
    static readonly MexicoReference Mexico = MexicoReference.LoadFrom(Repo.Pipelines)!;
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Has_the_32_states_with_text_keys()
    {
        var states = Mexico.Geo.Where(g => g.Level == "state").ToList();

        Assert.Equal(32, states.Count);
        Assert.Equal("Michoacán de Ocampo", states.Single(s => s.InegiKey == "16").Name);
        Assert.Equal("Puebla", states.Single(s => s.InegiKey == "21").Name);
        Assert.Equal("01", states[0].InegiKey); // leading zero kept
    }

    [Fact]
    public void A_branch_code_selects_its_children()
    {
        // 3371 -> 33711 -> 337110 and 3371 -> 33712 -> 337120.
        Assert.Equal(["3371", "33711", "33712", "337110", "337120"], Mexico.WithDescendants("3371"));
    }

    void WriteCluster(string json)
    {
        Repo.CopyDirectory(Path.Combine(Repo.Pipelines, "reference"), _dir.Combine("pipelines", "reference"));
        _dir.Write("pipelines/data/x.zip", "x");
        _dir.Write("pipelines/sources/x.json", """{ "id": "x", "kind": "baci", "location": "data/x.zip" }""");
        _dir.Write("pipelines/clusters/furniture.json", json);
    }

    [Fact]
    public void An_unknown_SCIAN_code_names_the_closest_known_ones()
    {
        WriteCluster("""{ "id": "furniture", "name": "F", "country": "MEX", "products": { "hs": ["9403"], "hs_vintage": "HS92", "scian": ["3373"] } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        Assert.Equal("products.scian[0]", e.Field);
        // In the complete SCIAN 2018, 3373 is one edit away from many codes (337, 3371, 2373, 3273, 3313, ...); ties are
        // listed in code order.
        Assert.Contains("SCIAN 3373 is not in scian.csv (closest: 2373, 3273, 3313)", e.Message);
    }

    [Fact]
    public void A_region_in_a_state_that_does_not_exist_is_refused()
    {
        WriteCluster("""{ "id": "furniture", "name": "F", "country": "MEX", "regions": ["33001"], "products": { "hs": ["9403"], "hs_vintage": "HS92" } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        Assert.Equal("regions[0]", e.Field);
        Assert.Contains("state 33 does not exist (INEGI states are 01 to 32)", e.Message);
    }

    [Fact]
    public void Lists_the_municipalities_of_the_cluster_states_with_five_digit_keys()
    {
        var municipalities = Mexico.Geo.Where(g => g.Level == "municipality").ToList();
        // Michoacán (16) has 113 municipalities, Puebla (21) 217 (INEGI Marco Geoestadístico).
        Assert.Equal(113, municipalities.Count(m => m.StateKey == "16"));
        Assert.Equal(217, municipalities.Count(m => m.StateKey == "21"));
        Assert.Contains(municipalities, m => m is { InegiKey: "16102", Name: "Uruapan" });
        Assert.Contains(municipalities, m => m is { InegiKey: "16083", Name: "Tancítaro" });
        Assert.Contains(municipalities, m => m is { InegiKey: "21114", Name: "Puebla" });
        Assert.Contains(municipalities, m => m is { InegiKey: "21140", Name: "San Pedro Cholula" });
    }

    [Fact]
    public void A_municipality_that_does_not_exist_is_refused_with_the_closest_keys()
    {
        WriteCluster("""{ "id": "furniture", "name": "F", "country": "MEX", "regions": ["21418"], "products": { "hs": ["9403"], "hs_vintage": "HS92" } }""");

        var e = Assert.Throws<DefinitionException>(() => PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));

        Assert.Equal("regions[0]", e.Field);
        Assert.Contains("municipality 21418 is not in mx_geo.csv (closest: ", e.Message);
        Assert.Contains("21118 Los Reyes de Juárez", e.Message);
    }
}
