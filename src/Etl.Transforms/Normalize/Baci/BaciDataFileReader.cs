using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Normalize.Baci;

/// <summary>
/// Reads one BACI data file into a <see cref="TradeFlowsWriter"/> and a <see cref="QuarantineWriter"/>, records in file
/// order. With more than one worker, records are parsed on worker threads (CsvHelper's
/// <see cref="CsvReader.ParallelEnumerate{T}(Func{CsvReader, T}, int)"/>, which returns them in input order), so the
/// result is the same as with one.
/// </summary>
public static class BaciDataFileReader
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(BaciDataFileReader));
    const long ProgressEvery = 1_000_000;

    /// <param name="workers">Threads parsing records; 1 reads and parses on the calling thread.</param>
    /// <returns>The number of rows left out because they are outside the years asked for.</returns>
    public static long Read(SourceDefinition source, BaciFile file, IReadOnlyDictionary<int, BaciCountry> countries,
        (int First, int Last)? years, string vintage, TradeFlowsWriter writer, QuarantineWriter quarantine, int workers,
        CancellationToken ct)
    {
        var parser = new BaciRecordParser(file.DisplayName, countries, years);
        long read = 0, outside = 0, line = 1;
        // What every BACI flow shares; the rest is set for each record.
        var flow = new TradeFlow { HsVintage = vintage, Flow = "X", Valuation = "FOB", ProductLevel = 6 };
        using var stream = file.Open();
        using var csv = CsvReader.Create(stream, CsvDefaults.Options, leaveOpen: false);
        try
        {
            if (workers > 1)
                foreach (var r in csv.ParallelEnumerate(parser.Parse, workers)) Take(in r);
            else
                while (csv.Read())
                {
                    var r = parser.Parse(csv);
                    Take(in r);
                }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"the compressed file is damaged ({e.Message})",
                "Download the file again and rerun.", source.Id, file.DisplayName, line + 1, inner: e);
        }
        Log.Information("{Source}: {File} read, {Rows:N0} rows", source.Id, file.Name, read);
        return outside;

        void Take(in BaciRecord r)
        {
            read++;
            line = r.Line;
            switch (r.Kind)
            {
                case BaciRecordKind.Flow:
                    var exporter = parser.Country(r.Exporter);
                    var importer = parser.Country(r.Importer);
                    flow.Year = r.Year;
                    flow.ReporterCode = exporter.CodeText;
                    flow.ReporterIso3 = exporter.Iso3;
                    flow.PartnerCode = importer.CodeText;
                    flow.PartnerIso3 = importer.Iso3;
                    flow.ProductCode = parser.ProductCode(r.Product);
                    flow.ValueUsd = r.ValueUsd;
                    flow.QuantityOriginal = r.QuantityTonnes;
                    flow.QuantityKg = r.QuantityTonnes * 1000.0;
                    flow.QuantityUnit = r.QuantityTonnes is null ? null : "t";
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
                Log.Information("{Source}: {Rows:N0} rows read from {File} (line {Line:N0})", source.Id, read, file.Name, line);
        }
    }

}
