using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Warehouse;

public sealed class SqlProjectTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Models_run_in_dependency_order_whatever_their_names()
    {
        _dir.Write("sql/marts/a_mart.sql", "CREATE TABLE marts.a_mart AS SELECT * FROM intermediate.z_int;");
        _dir.Write("sql/intermediate/z_int.sql", "-- reads staging.ignored_in_comment\nCREATE TABLE intermediate.z_int AS SELECT * FROM intermediate.b_int;");
        _dir.Write("sql/intermediate/b_int.sql", "CREATE TABLE intermediate.b_int AS SELECT * FROM staging.s;");
        _dir.Write("sql/staging/s.sql", "CREATE TABLE staging.s AS SELECT 1 AS x; COMMENT ON COLUMN staging.s.x IS 'marts.a_mart in a string';");

        var p = SqlProject.Load(_dir.Combine("sql"));

        Assert.Equal(["staging.s", "intermediate.b_int", "intermediate.z_int", "marts.a_mart"], p.Models.Select(m => m.QualifiedName));
        Assert.Empty(p.Models[0].DependsOn); // references in comments and strings do not count
    }

    [Fact]
    public void A_reference_to_a_missing_model_names_the_file()
    {
        var file = _dir.Write("sql/marts/m.sql", "CREATE TABLE marts.m AS SELECT * FROM intermediate.nope;");

        var e = Assert.Throws<PipelineException>(() => SqlProject.Load(_dir.Combine("sql")));

        Assert.Equal(file, e.FilePath);
        Assert.Contains("references intermediate.nope, which no model", e.Message);
    }

    [Fact]
    public void A_cycle_is_reported()
    {
        _dir.Write("sql/intermediate/a.sql", "CREATE TABLE intermediate.a AS SELECT * FROM intermediate.b;");
        _dir.Write("sql/intermediate/b.sql", "CREATE TABLE intermediate.b AS SELECT * FROM intermediate.a;");

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
    }
}
