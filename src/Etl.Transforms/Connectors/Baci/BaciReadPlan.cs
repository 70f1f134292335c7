namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// How a BACI normalize uses its threads: how many data files are read at once, how many workers parse each file's
/// records, and whether Parquet is encoded on a background thread while records are read.
/// </summary>
/// <param name="Threads">The overall degree of parallelism asked for.</param>
public sealed record BaciReadPlan(int Threads, int FilesAtOnce, int ParseWorkersPerFile, bool BackgroundWrites)
{
    /// <summary>
    /// One thread: everything in order on the calling thread. More: the data files are shared out over the threads
    /// (several yearly files at once), and the threads left to a file parse its records on workers while the file's
    /// own thread fills and encodes row groups. From three threads per file, encoding moves to a thread of its own
    /// too: with two, encoding on the file's thread measured as fast as on a third and took less processor time.
    /// </summary>
    public static BaciReadPlan For(int threads, int dataFiles)
    {
        if (threads <= 1) return new BaciReadPlan(1, 1, 1, BackgroundWrites: false);
        var filesAtOnce = Math.Clamp(dataFiles, 1, threads);
        var workers = Math.Max(1, threads / filesAtOnce);
        return new BaciReadPlan(threads, filesAtOnce, workers, BackgroundWrites: workers >= 3);
    }

    /// <summary>The same threads with one file at a time (when files cannot be read at once).</summary>
    public BaciReadPlan OneFileAtATime() => For(Threads, 1);

    public override string ToString() =>
        Threads == 1
            ? "1 thread: reading, parsing and writing in order"
            : $"{Threads} threads: {FilesAtOnce} file(s) at a time, {ParseWorkersPerFile} parse worker(s) per file, " +
              (BackgroundWrites ? "Parquet encoded on a thread of its own" : "Parquet encoded by each file's reading thread");
}
