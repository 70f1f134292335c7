using System.Globalization;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Lake;

namespace ClusterEtl.Tests.Parquet;

/// <summary>
/// trade_flows files written by our own Parquet writer: read back by DuckDB with the values, types and row groups
/// written, and the same bytes whether repeated values come as one instance or as equal copies.
/// </summary>
public sealed class DirectParquetWriterTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static readonly string[] Codes = ["4", "152", "842", "490"];

    /// <summary>Rows whose flow and unit change partway through a row group, with nulls, text and negative zero.</summary>
    static IEnumerable<TradeFlow> Flows(int count, bool copies)
    {
        string Text(string s) => copies ? new string(s.AsSpan()) : s;
        for (var i = 0; i < count; i++)
        {
            double? q = i % 7 == 0 ? null : i * 0.5;
            yield return new TradeFlow
            {
                Year = 2001,
                Month = i < 70_000 ? null : i % 12 + 1,
                HsVintage = Text("HS92"),
                Flow = Text(i < 1_000 ? "X" : "M"),
                Valuation = Text("FOB"),
                ProductLevel = 6,
                ReporterCode = Text(Codes[i % 4]),
                ReporterIso3 = i % 4 == 3 ? null : Text("C" + Codes[i % 4]),
                PartnerCode = Text(Codes[(i / 4) % 4]),
                PartnerIso3 = Text("P" + Codes[(i / 4) % 4]),
                ProductCode = Text((i % 5_000).ToString("D6", CultureInfo.InvariantCulture)),
                ValueUsd = i == 5 ? -0.0 : i * 1000.0,
                QuantityKg = q * 1000,
                QuantityOriginal = q,
                QuantityUnit = q is null ? null : Text("t"),
                Flags = i == 9 ? Text("netwgt_estimated ä") : null,
            };
        }
    }

    string Write(string name, int count, bool copies)
    {
        var root = _dir.Combine(name);
        using (var w = new TradeFlowsWriter(root, "s", "baci", "e1"))
            foreach (var f in Flows(count, copies)) w.Write(f);
        return Path.Combine(root, "trade_flows", "source=s", "year=2001", "part-0.parquet");
    }

    [Fact]
    public void DuckDB_reads_back_every_value_type_and_row_group()
    {
        var file = Write("a", 140_000, copies: false);

        var rows = Duck.Query(null, $"""
            SELECT count(*), count(month), min(month), max(month), count(DISTINCT flow), count(reporter_iso3), count(DISTINCT product_code),
                   sum(value_usd), count(quantity_kg), sum(quantity_original), count(quantity_unit), max(flags), min(source_kind), min(extract_id)
            FROM read_parquet('{file}')
            """).Single();
        Assert.Equal([140_000L, 70_000L, 1, 12, 2L, 105_000L, 5_000L], rows[..7]);
        Assert.Equal(Enumerable.Range(0, 140_000).Sum(i => (double)i) * 1000.0 - 5_000.0, (double)rows[7]!); // row 5 is -0.0
        Assert.Equal(120_000L, rows[8]);
        Assert.Equal(Enumerable.Range(0, 140_000).Where(i => i % 7 != 0).Sum(i => i * 0.5), (double)rows[9]!);
        Assert.Equal([120_000L, "netwgt_estimated ä", "baci", "e1"], rows[10..]);
        // Row order and types as written.
        var first = Duck.Query(null, $"SELECT flow, reporter_iso3, product_code, value_usd, typeof(year), typeof(month) FROM read_parquet('{file}', hive_partitioning = false) LIMIT 4");
        Assert.Equal(["X", "C4", "000000", 0.0, "INTEGER", "INTEGER"], first[0]);
        Assert.Equal(["X", null, "000003", 3000.0, "INTEGER", "INTEGER"], first[3]);
        var groups = Duck.Query(null, $"""
            SELECT row_group_num_rows FROM parquet_metadata('{file}') GROUP BY row_group_id, row_group_num_rows ORDER BY row_group_id
            """).Select(r => Convert.ToInt64(r[0])).ToList();
        Assert.Equal([65_536L, 65_536L, 8_928L], groups);
        // Statistics let readers skip row groups: they must hold the true bounds.
        var stats = Duck.Query(null, $"""
            SELECT stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{file}')
            WHERE path_in_schema = 'month' ORDER BY row_group_id
            """);
        Assert.Equal([null, null, 65_536L], stats[0]);
        Assert.Equal(["1", "12", 4_464L], stats[1]);
    }

    [Fact]
    public void Equal_text_in_separate_instances_gives_the_same_bytes_as_one_shared_instance()
    {
        var shared = Write("shared", 140_000, copies: false);
        var copied = Write("copied", 140_000, copies: true);

        Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(copied));
    }
}
