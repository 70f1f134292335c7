using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>The seeds read their reference files where the pipelines folder is; tables filled from C# go in by column name.</summary>
public sealed class ReferenceSeedsTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_seed_reads_its_file_from_the_pipelines_folder_and_skips_a_file_that_is_not_there()
    {
        _dir.Write("sql/seeds/ref_a.sql", """
            CREATE TABLE ref.a (code VARCHAR NOT NULL, n INTEGER NOT NULL);
            INSERT INTO ref.a SELECT * FROM read_csv({{ reference_file('a.csv') }}, header = true, auto_detect = false,
                columns = {'code': 'VARCHAR', 'n': 'INTEGER'});
            CREATE TABLE ref.b (code VARCHAR);
            INSERT INTO ref.b SELECT * FROM read_csv({{reference_file('b.csv')}}, header = true, auto_detect = false, columns = {'code': 'VARCHAR'});
            """);
        _dir.Write("elsewhere/pipelines/reference/a.csv", "code,n\n007,1\n010,2\n");
        using var c = DuckDb.Open(":memory:");
        c.Execute("CREATE SCHEMA ref");

        new ReferenceSeeds(_dir.Combine("sql"), _dir.Combine("elsewhere", "pipelines")).RunAll(c);

        // Text stays text (leading zeros); b.csv is not there: its table is created, and empty.
        Assert.Equal([["007", 1], ["010", 2]], c.Rows("SELECT code, n FROM ref.a ORDER BY code"));
        Assert.Equal(0L, c.Scalar<long>("SELECT count(*) FROM ref.b"));
    }

    [Fact]
    public void Rows_go_in_by_column_name_whatever_order_the_table_declares()
    {
        using var c = DuckDb.Open(":memory:");
        c.Execute("CREATE TABLE t (b INTEGER, a VARCHAR)");

        c.AppendByName("main", "t", ["a", "b"], [["x", 1], ["y", 2]]);

        Assert.Equal([[1, "x"], [2, "y"]], c.Rows("SELECT b, a FROM t ORDER BY b"));
        var e = Assert.Throws<InvalidOperationException>(() => c.AppendByName("main", "t", ["a", "c"], [["z", 3]]));
        Assert.Contains("main.t has the columns (b, a); the rows give (a, c)", e.Message);
    }
}
