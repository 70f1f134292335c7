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
        using var stream = file.Open();
        using var csv = CsvReader.Create(stream, CsvDefaults.Options, leaveOpen: false);
        try
        {
            var records = workers > 1 ? csv.ParallelEnumerate(parser.Parse, workers) : OneByOne(csv, parser);
            foreach (var r in records)
            {
                read++;
                line = r.Line;
                switch (r.Kind)
                {
                    case BaciRecordKind.Flow:
                        writer.Write(new TradeFlow
                        {
                            Year = r.Year,
                            HsVintage = vintage,
                            Flow = "X",
                            Valuation = "FOB",
                            ProductLevel = 6,
                            QuantityOriginal = r.QuantityTonnes,
                            QuantityUnit = r.QuantityTonnes is null ? null : "t",
                            ReporterCode = r.Exporter.CodeText,
                            ReporterIso3 = r.Exporter.Iso3,
                            PartnerCode = r.Importer.CodeText,
                            PartnerIso3 = r.Importer.Iso3,
                            ProductCode = r.Product,
                            ValueUsd = r.ValueUsd,
                            QuantityKg = r.QuantityTonnes * 1000.0,
                        });
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
                {
                    Log.Information("{Source}: {Rows:N0} rows read from {File} (line {Line:N0})", source.Id, read, file.Name, line);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"the compressed file is damaged ({e.Message})",
                "Download the file again and rerun.", source.Id, file.DisplayName, line + 1, inner: e);
        }
        Log.Information("{Source}: {File} read, {Rows:N0} rows", source.Id, file.Name, read);
        return outside;
    }

    static IEnumerable<BaciRecord> OneByOne(CsvReader csv, BaciRecordParser parser)
    {
        while (csv.Read()) yield return parser.Parse(csv);
    }
}
