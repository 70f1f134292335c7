using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Lake;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Reads the data files of a BACI release into <c>trade_flows</c> following a <see cref="BaciReadPlan"/>. Files read
/// at once each write their own years; their quarantined rows and counts are put together in file order, so the
/// result is that of reading the files one after the other. When two files hold rows of the same year (a year file
/// has one writer), the files are read again one at a time.
/// </summary>
public sealed class BaciReadJob(SourceDefinition source, IReadOnlyList<BaciFile> data, IReadOnlyDictionary<int, BaciCountry> countries,
    string vintage, (int First, int Last)? years, string outputRoot, string extractId)
{
    static readonly ILogger Log = Serilog.Log.ForContext<BaciReadJob>();

    public async Task<BaciReadResult> RunAsync(BaciReadPlan plan, CancellationToken ct)
    {
        if (plan.FilesAtOnce == 1) return plan.Threads == 1 ? ReadInOrder(plan, ct) : await Task.Run(() => ReadInOrder(plan, ct), ct);
        try
        {
            return await ReadAtOnceAsync(plan, ct);
        }
        catch (YearClaimedTwiceException e)
        {
            Log.Information("{Source}: {Reason}; reading the files one at a time", source.Id, e.Message);
            return await Task.Run(() => ReadInOrder(plan.OneFileAtATime(), ct), ct);
        }
    }

    /// <summary>Every file in order through one writer, so that a year spread over files is one file with its rows in order.</summary>
    BaciReadResult ReadInOrder(BaciReadPlan plan, CancellationToken ct)
    {
        var quarantine = new QuarantineWriter(source.Id, extractId);
        var tally = new BaciTally();
        long outside = 0;
        using var writer = new TradeFlowsWriter(outputRoot, source.Id, "baci", extractId, plan.BackgroundWrites);
        foreach (var file in data)
        {
            var fileTally = new BaciTally();
            outside += BaciDataFileReader.Read(source, file, countries, years, vintage, writer, quarantine, plan.ParseWorkersPerFile, fileTally, ct);
            // A year spread over two files can hold a flow in both: the order of each file cannot tell.
            if (fileTally.Years.Any(tally.Years.Contains)) fileTally.NeedsDuplicateCheck = true;
            tally.Absorb(fileTally);
        }
        writer.Dispose();
        return new BaciReadResult(writer.Rows, writer.Years.Order().ToList(), outside, quarantine, tally);
    }

    async Task<BaciReadResult> ReadAtOnceAsync(BaciReadPlan plan, CancellationToken ct)
    {
        var claims = new YearClaims();
        var results = new BaciReadResult[data.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = plan.FilesAtOnce, CancellationToken = ct };
        var all = Parallel.ForEachAsync(Enumerable.Range(0, data.Count), options, (i, fileCt) =>
        {
            var quarantine = new QuarantineWriter(source.Id, extractId);
            var tally = new BaciTally();
            using var writer = new TradeFlowsWriter(outputRoot, source.Id, "baci", extractId, plan.BackgroundWrites, claims);
            var outside = BaciDataFileReader.Read(source, data[i], countries, years, vintage, writer, quarantine, plan.ParseWorkersPerFile,
                tally, fileCt);
            writer.Dispose();
            results[i] = new BaciReadResult(writer.Rows, writer.Years.ToList(), outside, quarantine, tally);
            return ValueTask.CompletedTask;
        });
        try
        {
            await all;
        }
        catch when (all.Exception?.InnerExceptions.OfType<YearClaimedTwiceException>().FirstOrDefault() is { } twice)
        {
            throw twice;
        }

        var merged = new QuarantineWriter(source.Id, extractId);
        var tallies = new BaciTally();
        foreach (var r in results)
        {
            merged.Absorb(r.Quarantine);
            tallies.Absorb(r.Tally);
        }
        return new BaciReadResult(results.Sum(r => r.Rows), results.SelectMany(r => r.Years).Order().ToList(),
            results.Sum(r => r.Outside), merged, tallies);
    }
}
