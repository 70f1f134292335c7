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
    /// (several yearly files at once), and with two threads or more for a file, its lines are read on a thread of their
    /// own (CsvHelper's workers for a file it reads) while the file's thread fills row groups and a third encodes them.
    /// </summary>
    public static BaciReadPlan For(int threads, int dataFiles)
    {
        if (threads <= 1) return new BaciReadPlan(1, 1, 1, BackgroundWrites: false);
        var filesAtOnce = Math.Clamp(dataFiles, 1, threads);
        var workers = Math.Max(1, threads / filesAtOnce);
        return new BaciReadPlan(threads, filesAtOnce, workers, BackgroundWrites: workers >= 2);
    }

    /// <summary>The same threads with one file at a time (when files cannot be read at once).</summary>
    public BaciReadPlan OneFileAtATime() => For(Threads, 1);

    public override string ToString() =>
        Threads == 1
            ? "1 thread: reading, parsing and writing in order"
            : $"{Threads} threads: {FilesAtOnce} file(s) at a time, {ParseWorkersPerFile} parse worker(s) per file, " +
              (BackgroundWrites ? "Parquet encoded on a thread of its own" : "Parquet encoded by each file's reading thread");
}
