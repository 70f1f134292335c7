using System.Collections.Concurrent;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// Encodes and writes full row groups in the order they are handed over: on the caller's thread (sequential), or on
/// one background thread while the caller fills the next buffers (pipelined). In the background case the number of
/// buffer sets in flight is bounded, so memory does not grow when encoding is slower than reading: the caller waits
/// for a free set. The files' bytes are the same either way.
/// </summary>
internal sealed class RowGroupFlusher<TColumns> : IDisposable where TColumns : ColumnSet
{
    readonly record struct Job(DirectParquetWriter File, TColumns Columns, int Rows);

    readonly ColumnChunkBuilder _builder = new();
    readonly BlockingCollection<Job>? _queue;
    readonly BlockingCollection<TColumns>? _free;
    readonly Thread? _thread;
    readonly int _maxSpare;
    int _spareCreated;
    volatile Exception? _failure;

    /// <param name="background">Encode on a background thread (true) or on the caller's (false).</param>
    /// <param name="maxSpare">With a background thread, how many buffer sets may exist beyond those being filled.</param>
    public RowGroupFlusher(bool background, int maxSpare = 2)
    {
        _maxSpare = maxSpare;
        if (!background) return;
        _queue = new BlockingCollection<Job>();
        _free = new BlockingCollection<TColumns>();
        _thread = new Thread(Run) { IsBackground = true, Name = "parquet row groups" };
        _thread.Start();
    }

    /// <summary>The chunk builder for files written through this flusher (used on its thread only).</summary>
    public ColumnChunkBuilder Builder => _builder;

    /// <summary>
    /// Hands over <paramref name="columns"/> holding <paramref name="rows"/> rows for <paramref name="file"/>, and
    /// returns the buffers to fill next: the same ones once written (sequential), or a free set, created with
    /// <paramref name="newColumns"/> while fewer than the bound exist.
    /// </summary>
    public TColumns Submit(DirectParquetWriter file, TColumns columns, int rows, Func<TColumns> newColumns)
    {
        if (_queue is null)
        {
            file.WriteRowGroup(columns.All, rows);
            return columns;
        }
        ThrowIfFailed();
        _queue.Add(new Job(file, columns, rows));
        if (_free!.TryTake(out var free)) return free;
        if (_spareCreated < _maxSpare)
        {
            _spareCreated++;
            return newColumns();
        }
        free = _free.Take();
        ThrowIfFailed();
        return free;
    }

    /// <summary>Hands over the last rows of a file; nothing is filled after them.</summary>
    public void SubmitLast(DirectParquetWriter file, TColumns columns, int rows)
    {
        if (_queue is null) file.WriteRowGroup(columns.All, rows);
        else
        {
            ThrowIfFailed();
            _queue.Add(new Job(file, columns, rows));
        }
    }

    /// <summary>Waits until every row group handed over is written; throws what writing one threw.</summary>
    public void Complete()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread!.Join();
        }
        ThrowIfFailed();
    }

    void Run()
    {
        foreach (var job in _queue!.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    job.File.WriteRowGroup(job.Columns.All, job.Rows);
                }
                catch (Exception e)
                {
                    _failure = e;
                }
            }
            // Hand the buffers back even after a failure, so that a caller waiting for them wakes up and sees it.
            _free!.Add(job.Columns);
        }
    }

    void ThrowIfFailed()
    {
        if (_failure is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
    }

    public void Dispose()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread!.Join();
        }
        _queue?.Dispose();
        _free?.Dispose();
    }
}
