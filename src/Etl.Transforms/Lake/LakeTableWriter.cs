using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Writes one source's rows of a lake table (<see cref="LakePaths"/>): one file, or for a table partitioned by year one file
/// per year, a row group every <see cref="LakePaths.RowGroupSize"/> rows. Memory is bounded by the files open (one per year
/// met), not by the rows. The writer of every table but <c>trade_flows</c>, which has its own encoder for speed
/// (<see cref="TradeFlowsWriter"/>).
/// </summary>
public sealed class LakeTableWriter<TRow, TColumns>(string outputRoot, NormalizedTable table, string sourceId, Func<TColumns> columns)
    : IAsyncDisposable where TColumns : ILakeColumns<TRow>
{
    readonly Dictionary<int, (ParquetTableWriter Writer, TColumns Columns)> _files = new();

    public long Rows { get; private set; }

    /// <summary>The years written, for a table partitioned by year.</summary>
    public IReadOnlyCollection<int> Years => table.ByYear ? _files.Keys : [];

    /// <summary>Writes a row of a table not partitioned by year.</summary>
    public ValueTask WriteAsync(TRow row, CancellationToken ct) =>
        table.ByYear ? throw new InvalidOperationException($"{table.Name} is partitioned by year: give the row's year") : Write(0, null, row, ct);

    /// <summary>Writes a row of a table partitioned by year.</summary>
    public ValueTask WriteAsync(int year, TRow row, CancellationToken ct) =>
        table.ByYear ? Write(year, year, row, ct) : throw new InvalidOperationException($"{table.Name} is not partitioned by year");

    async ValueTask Write(int key, int? year, TRow row, CancellationToken ct)
    {
        if (!_files.TryGetValue(key, out var target))
        {
            var c = columns();
            target = (await ParquetTableWriter.CreateAsync(LakePaths.PartFile(outputRoot, table.Name, sourceId, year), c.All,
                LakePaths.RowGroupSize, ct), c);
            _files[key] = target;
        }
        target.Columns.Set(target.Writer.Pending, row);
        await target.Writer.CommitRowAsync(ct);
        Rows++;
    }

    /// <summary>Closes the files. A table not partitioned by year always has its file, empty when no row came.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!table.ByYear && _files.Count == 0)
            _files[0] = (await ParquetTableWriter.CreateAsync(LakePaths.PartFile(outputRoot, table.Name, sourceId, null), columns().All,
                LakePaths.RowGroupSize, CancellationToken.None), columns());
        foreach (var (w, _) in _files.Values) await w.DisposeAsync();
        _files.Clear();
    }
}
