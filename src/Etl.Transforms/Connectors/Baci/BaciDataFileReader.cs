using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Reads one BACI data file into a <see cref="TradeFlowsWriter"/> and a <see cref="QuarantineWriter"/>, records in file
/// order. Lines as CEPII writes them are read by a <see cref="BaciLineScanner"/>; from a line it cannot vouch for (a
/// quote, an unexpected header), the rest of the file is read by CsvHelper. There, with more than one worker, records
/// are parsed on worker threads (CsvHelper's <see cref="CsvReader.ParallelEnumerate{T}(Func{CsvReader, T}, int)"/>, which
/// returns them in input order), so the result is the same as with one.
/// </summary>
public static class BaciDataFileReader
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(BaciDataFileReader));
    const long ProgressEvery = 1_000_000;

    /// <param name="workers">Threads parsing records; 1 reads and parses on the calling thread.</param>
    /// <param name="tally">Receives rows and value per year and exporter, and the duplicates met (see <see cref="BaciTally"/>).</param>
    /// <returns>The number of rows left out because they are outside the years asked for.</returns>
    public static long Read(SourceDefinition source, BaciFile file, IReadOnlyDictionary<int, BaciCountry> countries,
        (int First, int Last)? years, string vintage, TradeFlowsWriter writer, QuarantineWriter quarantine, int workers,
        BaciTally tally, CancellationToken ct)
    {
        var parser = new BaciRecordParser(file.DisplayName, countries, years);
        long read = 0, outside = 0, line = 1;
        // Duplicates: CEPII's files are sorted by year, exporter, importer and product, so a flow given twice is given
        // twice in a row. The previous record's key and values tell; a file out of that order is checked afterwards.
        long previousKey = -1, previousLine = 0;
        double previousValue = 0;
        double? previousTonnes = null;
        using var stream = new ReadProgressStream(file.Open(), file.Length);
        var scanner = new BaciLineScanner(stream, parser, years);
        try
        {
            if (scanner.ReadHeader())
            {
                if (workers > 1)
                {
                    // Lines read on a thread of their own while this one fills the row groups.
                    using var ahead = new BaciReadAhead(scanner);
                    while (ahead.TryTake(out var batch, out var n))
                    {
                        for (var i = 0; i < n; i++) Take(in batch[i]);
                        ahead.Return(batch);
                    }
                }
                else
                {
                    var batch = new BaciRecord[4096];
                    int n;
                    while ((n = scanner.Fill(batch)) > 0)
                        for (var i = 0; i < n; i++) Take(in batch[i]);
                }
            }
            if (scanner.Stopped)
            {
                // The rest of the file, from the line the scanner stopped at (or the whole file), read the general way.
                var offset = scanner.LinesRead;
                var options = offset == 0 ? CsvDefaults.Options : CsvDefaults.Options with { HasHeader = false };
                using var csv = CsvReader.Create(scanner.Remainder(), options, leaveOpen: false);
                if (workers > 1)
                    foreach (var r in csv.ParallelEnumerate(c => parser.Parse(c, offset), workers)) Take(in r);
                else
                    while (csv.Read())
                    {
                        var r = parser.Parse(csv, offset);
                        Take(in r);
                    }
            }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"the compressed file is damaged ({e.Message})",
                "Download the file again and rerun.", source.Id, file.DisplayName, line + 1, inner: e);
        }
        if (read == 0)
            throw new PipelineException("normalize", $"{file.Name} holds no data rows, only its header",
                "The release is damaged: download it again (a release is read whole or not at all).", source.Id, file.DisplayName, 1);
        Log.Information("{Source}: {File} read, {Rows:N0} rows", source.Id, file.Name, read);
        return outside;

        void Take(in BaciRecord r)
        {
            read++;
            line = r.Line;
            switch (r.Kind)
            {
                case BaciRecordKind.Flow:
                    if (IsDuplicate(in r)) break;
                    var exporter = parser.Country(r.Exporter);
                    var importer = parser.Country(r.Importer);
                    tally.AddFlow(r.Year, r.Exporter, r.ValueUsd);
                    // Built on the stack for each row: the fields of a captured struct are on the heap, where storing a
                    // reference costs a write barrier.
                    var flow = new TradeFlow
                    {
                        HsVintage = vintage, Flow = "X", Valuation = "FOB", ProductLevel = 6,
                        Year = r.Year,
                        ReporterCode = exporter.CodeText,
                        ReporterIso3 = exporter.Iso3,
                        PartnerCode = importer.CodeText,
                        PartnerIso3 = importer.Iso3,
                        ProductCode = parser.ProductCode(r.Product),
                        ValueUsd = r.ValueUsd,
                        QuantityOriginal = r.QuantityTonnes,
                        QuantityKg = r.QuantityTonnes * 1000.0,
                        QuantityUnit = r.QuantityTonnes is null ? null : "t",
                    };
                    writer.Write(in flow);
                    break;
                case BaciRecordKind.Quarantined:
                    quarantine.Add(r.Quarantine!);
                    break;
                default:
                    outside++;
                    break;
            }
            if ((read & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            if (read % ProgressEvery == 0)
                Log.Information("{Source}: {Rows:N0} rows read from {File} (line {Line:N0}), {Progress}", source.Id, read, file.Name, line,
                    stream.Describe());
        }

        // True for an exact copy of the previous flow (dropped, counted) and for a flow given again with other values
        // (counted as a conflict, which fails the source once the file is read).
        bool IsDuplicate(in BaciRecord r)
        {
            if (r.Exporter is < 0 or >= 1024 || r.Importer is < 0 or >= 1024)
            {
                tally.NeedsDuplicateCheck = true;
                return false;
            }
            var key = ((long)r.Year << 40) | ((long)r.Exporter << 30) | ((long)r.Importer << 20) | (uint)r.Product;
            var (lastKey, lastLine, lastValue, lastTonnes) = (previousKey, previousLine, previousValue, previousTonnes);
            (previousKey, previousLine, previousValue, previousTonnes) = (key, r.Line, r.ValueUsd, r.QuantityTonnes);
            if (key < lastKey) tally.NeedsDuplicateCheck = true;
            if (key != lastKey) return false;
            if (r.ValueUsd == lastValue && r.QuantityTonnes == lastTonnes)
            {
                tally.DuplicatesDropped++;
                return true;
            }
            tally.Conflicts++;
            if (tally.ConflictExamples.Count < 3)
                tally.ConflictExamples.Add($"{file.Name} lines {lastLine} and {r.Line}: {r.Year} {r.Exporter} -> {r.Importer} " +
                                           $"{parser.ProductCode(r.Product)}, v {lastValue / 1000:0.###} and {r.ValueUsd / 1000:0.###}");
            return true;
        }
    }

}
