using System.Text.Json;
using Serilog;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// The data folder's lock: one run at a time works on a data folder, whatever started it (<c>run</c>, <c>backfill</c>,
/// a stage of <c>serve</c>). It is an exclusive lock on <c>.clusteretl.lock</c> taken through the operating system
/// (flock), so a process that dies releases it, and nothing stale remains to clear by hand; who holds it (process id,
/// host, run) is written beside it for the message a second run gets. The stages of the run that holds it take it
/// again freely (the run's jobs may run on other threads of the same process).
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    static readonly ILogger Log = Serilog.Log.ForContext<DataFolderLock>();
    static readonly Lock Gate = new();
    static readonly Dictionary<string, Held> HeldByPath = new(StringComparer.Ordinal);

    sealed class Held(FileStream stream, string runId)
    {
        public FileStream Stream { get; } = stream;
        public string RunId { get; } = runId;
        public int Count;
    }

    readonly string _path;
    bool _disposed;

    DataFolderLock(string path) => _path = path;

    public static string LockFile(DataLayout layout) => Path.Combine(layout.DataDir, ".clusteretl.lock");
    static string OwnerFile(DataLayout layout) => LockFile(layout) + ".json";

    /// <summary>Takes the lock for <paramref name="runId"/>, waiting up to <paramref name="wait"/> for another run to finish.</summary>
    /// <exception cref="DataFolderBusyException">Another run still holds it after the wait.</exception>
    public static DataFolderLock Acquire(DataLayout layout, string runId, string purpose, TimeSpan wait, CancellationToken ct = default)
    {
        Directory.CreateDirectory(layout.DataDir);
        var path = LockFile(layout);
        var started = DateTimeOffset.UtcNow;
        var announced = false;
        while (true)
        {
            lock (Gate)
            {
                if (HeldByPath.TryGetValue(path, out var held))
                {
                    if (held.RunId == runId)
                    {
                        held.Count++;
                        return new DataFolderLock(path);
                    }
                }
                else
                {
                    try
                    {
                        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        HeldByPath[path] = new Held(stream, runId) { Count = 1 };
                        AtomicFile.WriteAllText(OwnerFile(layout), JsonSerializer.Serialize(
                            new DataFolderOwner(Environment.ProcessId, Environment.MachineName, runId, purpose, DateTimeOffset.UtcNow), StageReport.Json));
                        return new DataFolderLock(path);
                    }
                    catch (IOException)
                    {
                        // Held by another process: wait below.
                    }
                }
            }
            var waited = DateTimeOffset.UtcNow - started;
            if (waited >= wait) throw new DataFolderBusyException(layout.DataDir, ReadOwner(layout), wait);
            if (!announced)
            {
                var owner = ReadOwner(layout);
                Log.Information("Waiting for the data folder: in use by run {Run} ({Purpose}) of process {Pid} on {Host}", owner?.RunId,
                    owner?.Purpose, owner?.Pid, owner?.Host);
                announced = true;
            }
            Task.Delay(TimeSpan.FromMilliseconds(200), ct).GetAwaiter().GetResult();
        }
    }

    static DataFolderOwner? ReadOwner(DataLayout layout)
    {
        try
        {
            return JsonSerializer.Deserialize<DataFolderOwner>(File.ReadAllText(OwnerFile(layout)), StageReport.Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (Gate)
        {
            var held = HeldByPath[_path];
            if (--held.Count > 0) return;
            HeldByPath.Remove(_path);
            held.Stream.Dispose();
        }
    }
}
