using ClusterEtl.Transforms.Parquet.Direct;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Writes <c>trade_flows/source=&lt;id&gt;/year=&lt;yyyy&gt;/part-0.parquet</c> under a root folder, one file per
/// year, a row group every <see cref="LakePaths.RowGroupSize"/> rows of that year, in the order the rows were written. Memory is
/// one row group's buffers per year open, plus at most two more sets in flight when encoding runs in the background:
/// it does not grow with the number of rows.
/// </summary>
/// <remarks>
/// With <c>background</c>, full row groups are encoded and written on another thread while the caller fills the next
/// (see <see cref="RowGroupFlusher"/>); the files are byte for byte those of a sequential run. Not thread-safe:
/// one thread writes rows.
/// </remarks>
public sealed class TradeFlowsWriter : IAsyncDisposable, IDisposable
{
    const int RowGroupSize = LakePaths.RowGroupSize;
    public const string TableName = "trade_flows";
    public static readonly NormalizedTable Table = new(TableName, ByYear: true,
        () => new TradeFlowColumns(0).All.Select(c => c.ToParquetColumn()).ToArray());

    sealed class YearFile(int year, DirectParquetWriter file, TradeFlowColumns columns)
    {
        public readonly int Year = year;
        public readonly DirectParquetWriter File = file;
        public TradeFlowColumns Columns = columns;
        public int Pending;
    }

    readonly string _root, _sourceId, _sourceKind, _extractId;
    readonly YearClaims? _claims;
    readonly RowGroupFlusher<TradeFlowColumns> _flusher;
    readonly Dictionary<int, YearFile> _byYear = new();
    YearFile? _last;
    bool _closed;

    /// <param name="background">Encode and write row groups on a background thread (pipelined); false writes them
    /// on the caller's thread.</param>
    /// <param name="claims">Years already taken by other writers of the same folder; opening one of them throws
    /// <see cref="YearClaimedTwiceException"/>.</param>
    public TradeFlowsWriter(string root, string sourceId, string sourceKind, string extractId, bool background = false,
        YearClaims? claims = null)
    {
        _root = root;
        _sourceId = sourceId;
        _sourceKind = sourceKind;
        _extractId = extractId;
        _claims = claims;
        _flusher = new RowGroupFlusher<TradeFlowColumns>(background);
    }

    public long Rows { get; private set; }
    public IReadOnlyCollection<int> Years => _byYear.Keys;

    public ValueTask WriteAsync(TradeFlow row, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Write(in row);
        return ValueTask.CompletedTask;
    }

    public void Write(in TradeFlow row)
    {
        var target = _last is { } last && last.Year == row.Year ? last : YearOf(row.Year);
        target.Columns.Set(target.Pending, in row, _sourceKind, _extractId);
        Rows++;
        if (++target.Pending == RowGroupSize)
        {
            target.Columns = _flusher.Submit(target.File, target.Columns, target.Pending, () => new TradeFlowColumns(RowGroupSize));
            target.Pending = 0;
        }
        _last = target;
    }

    YearFile YearOf(int year)
    {
        if (_byYear.TryGetValue(year, out var target)) return target;
        _claims?.Claim(year);
        var path = LakePaths.PartFile(_root, TableName, _sourceId, year);
        var columns = new TradeFlowColumns(RowGroupSize);
        target = new YearFile(year, DirectParquetWriter.Create(path, columns.All, _flusher.Builder), columns);
        _byYear[year] = target;
        return target;
    }

    /// <summary>Writes the last row groups and the files' footers.</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            foreach (var y in _byYear.Values)
                if (y.Pending > 0) _flusher.SubmitLast(y.File, y.Columns, y.Pending);
            _flusher.Complete();
        }
        finally
        {
            _flusher.Dispose();
            foreach (var y in _byYear.Values) y.File.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
