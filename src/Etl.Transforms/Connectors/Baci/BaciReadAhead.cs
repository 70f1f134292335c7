using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Runs a <see cref="BaciLineScanner"/> on a thread of its own, a few batches of records ahead of the thread that takes
/// them, which gets them in file order. The batches are reused, so memory is bounded. What the scanner throws (a damaged
/// zip) is thrown to the taker once it has taken the batches read before.
/// </summary>
internal sealed class BaciReadAhead : IDisposable
{
    readonly BlockingCollection<(BaciRecord[] Batch, int Count)> _full = new();
    readonly BlockingCollection<BaciRecord[]> _free = new();
    readonly CancellationTokenSource _stop = new();
    readonly Thread _thread;
    ExceptionDispatchInfo? _failure;

    public BaciReadAhead(BaciLineScanner scanner, int batchSize = 4096, int batches = 6)
    {
        for (var i = 0; i < batches; i++) _free.Add(new BaciRecord[batchSize]);
        _thread = new Thread(() => Run(scanner)) { IsBackground = true, Name = "baci lines" };
        _thread.Start();
    }

    void Run(BaciLineScanner scanner)
    {
        try
        {
            while (true)
            {
                var batch = _free.Take(_stop.Token);
                var n = scanner.Fill(batch);
                if (n == 0) break;
                _full.Add((batch, n), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _full.CompleteAdding();
        }
    }

    /// <summary>The next batch in file order (hand it back with <see cref="Return"/>); false at the end, once the
    /// scanner is done or stopped. Throws what the scanner threw.</summary>
    public bool TryTake(out BaciRecord[] batch, out int count)
    {
        if (_full.TryTake(out var next, Timeout.Infinite))
        {
            (batch, count) = next;
            return true;
        }
        _thread.Join();
        _failure?.Throw();
        (batch, count) = (null!, 0);
        return false;
    }

    public void Return(BaciRecord[] batch) => _free.Add(batch);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _full.Dispose();
        _free.Dispose();
        _stop.Dispose();
    }
}
