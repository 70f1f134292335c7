using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Warehouse;

public sealed class SqlProjectTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Models_run_in_dependency_order_whatever_their_names()
    {
        _dir.Write("sql/marts/a_mart.sql", "SELECT * FROM intermediate.z_int;");
        _dir.Write("sql/intermediate/z_int.sql", "-- reads staging.ignored_in_comment\nSELECT * FROM intermediate.b_int;");
        _dir.Write("sql/intermediate/b_int.sql", "SELECT * FROM staging.s, ref.clusters, lake.trade_flows;");
        _dir.Write("sql/staging/s.sql", "SELECT 1 AS x, 'a;b' AS y; COMMENT ON COLUMN staging.s.x IS 'marts.a_mart in a string; with a semicolon';");

        var p = SqlProject.Load(_dir.Combine("sql"));

        Assert.Equal(["staging.s", "intermediate.b_int", "intermediate.z_int", "marts.a_mart"], p.Models.Select(m => m.QualifiedName));
        Assert.Empty(p.Models[0].DependsOn); // references in comments and strings do not count
        // The query ends at the first semicolon outside a string; the COMMENT ON (semicolon in its string) is one statement.
        Assert.Equal("SELECT 1 AS x, 'a;b' AS y", p.Models[0].Query);
        Assert.Equal(["COMMENT ON COLUMN staging.s.x IS 'marts.a_mart in a string; with a semicolon'"], p.Models[0].Documentation);
        // Reads: models, reference tables and lake views; depends on: models only.
        Assert.Equal(["lake.trade_flows", "ref.clusters", "staging.s"], p.Models[1].Reads);
        Assert.Equal(["staging.s"], p.Models[1].DependsOn);
    }

    [Fact]
    public void The_config_line_sets_materialization_partitioning_and_lookback()
    {
        _dir.Write("sql/staging/v.sql", "-- a view\n-- config: materialized=view, partition_by=year\nSELECT 1 AS year;");
        _dir.Write("sql/marts/m.sql", "-- config: partition_by=year_to, lookback_years=decomposition_window_years\n" +
                                      "SELECT getvariable('decomposition_window_years') AS year_to FROM staging.v;");
        _dir.Write("sql/marts/t.sql", "SELECT 1 AS n;");

        var models = SqlProject.Load(_dir.Combine("sql")).Models.ToDictionary(m => m.QualifiedName);

        Assert.Equal(new ModelConfig(Materialization.View, "year", 0, null), models["staging.v"].Config);
        Assert.Equal(new ModelConfig(Materialization.Table, "year_to", 0, "decomposition_window_years"), models["marts.m"].Config);
        Assert.Equal(ModelConfig.Default, models["marts.t"].Config);
        Assert.Equal(["decomposition_window_years"], models["marts.m"].Settings);
        // The lookback named by a setting is read from the build's settings.
        Assert.Equal(5, models["marts.m"].Config.Lookback(new Dictionary<string, string> { ["decomposition_window_years"] = "5" }));
    }

    [Fact]
    public void A_model_hash_changes_with_its_query_or_config_but_not_with_its_comments()
    {
        string Hash(string sql)
        {
            _dir.Write("h/staging/x.sql", sql);
            return SqlProject.Load(_dir.Combine("h")).Models.Single().Hash;
        }
        var plain = Hash("SELECT 1 AS year;\nCOMMENT ON TABLE staging.x IS 'one';");

        Assert.Equal(plain, Hash("-- a comment\nSELECT 1 AS year;\nCOMMENT ON TABLE staging.x IS 'another description';"));
        Assert.Equal(plain, Hash("SELECT  1\n   AS year;"));
        Assert.NotEqual(plain, Hash("SELECT 2 AS year;\nCOMMENT ON TABLE staging.x IS 'one';"));
        // Spaces inside a string are data, not layout.
        Assert.NotEqual(Hash("SELECT 'a b' AS year;"), Hash("SELECT 'a  b' AS year;"));
        Assert.NotEqual(plain, Hash("-- config: partition_by=year\nSELECT 1 AS year;"));
    }

    [Theory]
    [InlineData("CREATE TABLE staging.x AS SELECT 1;", "must start with the model's query")]
    [InlineData("SELECT 1; DROP TABLE ref.clusters;", "only COMMENT ON statements may follow")]
    [InlineData("-- config: materialized=temporary\nSELECT 1;", "config entry 'materialized=temporary' is not understood")]
    [InlineData("-- config: lookback_years=5\nSELECT 1;", "lookback_years needs partition_by")]
    public void A_malformed_model_file_is_reported_with_its_name(string sql, string message)
    {
        var file = _dir.Write("bad/staging/x.sql", sql);

        var e = Assert.Throws<PipelineException>(() => SqlProject.Load(_dir.Combine("bad")));

        Assert.Equal(file, e.FilePath);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_reference_to_a_missing_model_names_the_file()
    {
        var file = _dir.Write("sql/marts/m.sql", "SELECT * FROM intermediate.nope;");

        var e = Assert.Throws<PipelineException>(() => SqlProject.Load(_dir.Combine("sql")));

        Assert.Equal(file, e.FilePath);
        Assert.Contains("references intermediate.nope, which no model", e.Message);
    }

    [Fact]
    public void A_cycle_is_reported()
    {
        _dir.Write("sql/intermediate/a.sql", "SELECT * FROM intermediate.b;");
        _dir.Write("sql/intermediate/b.sql", "SELECT * FROM intermediate.a;");

        var e = Assert.Throws<PipelineException>(() => SqlProject.Load(_dir.Combine("sql")));

        Assert.Contains("cycle: intermediate.a, intermediate.b", e.Message);
    }

    [Fact]
    public void The_project_sql_folder_loads_with_every_model_after_the_models_it_reads()
    {
        var p = SqlProject.Load(Repo.Sql);
        var order = p.Models.Select(m => m.QualifiedName).ToList();

        foreach (var m in p.Models)
        foreach (var d in m.DependsOn)
            Assert.True(order.IndexOf(d) < order.IndexOf(m.QualifiedName), $"{m.QualifiedName} runs before {d}");
        // A mart reading another mart: cluster_exports reads cluster_destinations.
        Assert.True(order.IndexOf("marts.cluster_destinations") < order.IndexOf("marts.cluster_exports"));
        Assert.NotEmpty(p.Checks);
        // The flows stay in the lake: the staging model over them is a view, and no table reads the lake directly.
        Assert.Equal(Materialization.View, p.Models.Single(m => m.QualifiedName == "staging.stg_trade_flows").Config.Materialized);
        Assert.All(p.Models.Where(m => m.Reads.Any(r => r.StartsWith("lake.", StringComparison.Ordinal))),
            m => Assert.Equal(Materialization.View, m.Config.Materialized));
    }
}
