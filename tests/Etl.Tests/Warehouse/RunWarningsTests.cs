using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Stages;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>A run that succeeds still says what matched nothing, and when the trade data are not world-wide.</summary>
public sealed class RunWarningsTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Clusters_matching_no_data_and_a_basis_far_from_world_coverage_are_warnings_of_the_run()
    {
        var p = new PipelineFixture(_dir);
        // Butter (HS92 0405) is in the reference but in none of the sample's flows.
        File.WriteAllText(Path.Combine(p.Pipelines, "clusters", "chile-butter.json"),
            """{ "id": "chile-butter", "name": "Butter", "country": "CHL", "products": { "hs": ["0405"], "hs_vintage": "HS92" } }""");

        var run = await p.RunAsync();
        var again = await p.RunAsync();

        var expected = new[]
        {
            "cluster chile-butter: none of its HS codes matches the trade data loaded; its trade indicators are empty (see marts.cluster_coverage)",
            // The FAO samples have no production of item 486 (bananas) for Ecuador.
            "cluster ecuador-bananas: none of its FAO items has production data for its country (see marts.cluster_coverage)",
            // The DENUE sample covers Puebla's furniture makers, not Michoacán's avocado growers.
            "cluster mexico-avocado: its SCIAN codes select no DENUE establishment in its regions (see marts.cluster_coverage)",
            // The BACI sample has 38 exporters in each of 1999-2002.
            "the trade basis of 4 year(s) in 1999-2002 holds 38 reporters (world-wide data hold 200 or more; fewer than 150 is far from it): " +
            "world shares, RCA and world ranks are relative to the data loaded, not to the world (basis_reporters and basis_partners in marts.cluster_exports)",
        };
        Assert.Equal(expected, run.Stages.Single(s => s.Stage == TransformStage.Name).Warnings);
        // A run with nothing to rebuild says the same: the warnings come from the published warehouse.
        var skipped = again.Stages.Single(s => s.Stage == TransformStage.Name);
        Assert.Equal("skipped", skipped.Status);
        Assert.Equal(expected, skipped.Warnings);
    }
}
