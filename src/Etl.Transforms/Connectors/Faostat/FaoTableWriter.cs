using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Writes <c>&lt;table&gt;/source=&lt;id&gt;/year=&lt;yyyy&gt;/part-0.parquet</c>, one file per year, a row group every
/// <see cref="RowGroupSize"/> rows (memory bounded by the years open, not by the rows).
/// </summary>
public sealed class FaoTableWriter<TRow, TColumns>(string root, string table, string sourceId, Func<TColumns> columns)
    : IAsyncDisposable where TColumns : IFaoColumns<TRow>
{
    public const int RowGroupSize = 65_536;
    readonly Dictionary<int, (ParquetTableWriter Writer, TColumns Columns)> _byYear = new();

    public long Rows { get; private set; }
    public IReadOnlyCollection<int> Years => _byYear.Keys;

    public async ValueTask WriteAsync(int year, TRow row, CancellationToken ct)
    {
        if (!_byYear.TryGetValue(year, out var target))
        {
            var c = columns();
            var path = Path.Combine(root, table, $"source={sourceId}", $"year={year}", "part-0.parquet");
            target = (await ParquetTableWriter.CreateAsync(path, c.All, RowGroupSize, ct), c);
            _byYear[year] = target;
        }
        target.Columns.Set(target.Writer.Pending, row);
        await target.Writer.CommitRowAsync(ct);
        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (w, _) in _byYear.Values) await w.DisposeAsync();
        _byYear.Clear();
    }
}
