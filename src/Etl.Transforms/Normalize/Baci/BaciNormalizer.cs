using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Pipeline;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Normalize.Baci;

/// <summary>
/// Streams a CEPII BACI release (zip or CSV, <c>t,i,j,k,v,q</c>) into <c>trade_flows</c> Parquet:
/// k kept as 6-character text, v (thousand USD) to USD, q (tonnes) to kg, <c>NA</c> quantities as null,
/// exporter and importer mapped to ISO3 through the release's country-code file. A row that cannot be
/// read goes to quarantine with file, line, column and reason; too many of them fail the source.
/// </summary>
public sealed class BaciNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<BaciNormalizer>();
    const long ProgressEvery = 1_000_000;

    public static string Version => "baci/1";

    /// <param name="dataFile">The raw BACI zip or CSV.</param>
    /// <param name="countryCodesFile">A separate country-code file, or null to use the one in the zip.</param>
    /// <param name="outputRoot">Folder receiving <c>trade_flows/source=…/year=…/</c>.</param>
    /// <param name="quarantineRoot">Folder receiving <c>source=…/quarantine.parquet</c>.</param>
    public async Task<NormalizeResult> NormalizeAsync(SourceDefinition source, string dataFile, string dataDisplay,
        string? countryCodesFile, string extractId, string outputRoot, string quarantineRoot, CancellationToken ct,
        (int First, int Last)? years = null)
    {
        var owned = new List<IDisposable>();
        try
        {
            var files = BaciFiles.Open(dataFile, dataDisplay, source.Id, owned);
            var data = files.Where(f => f.Role == BaciFileRole.Data).ToList();
            if (data.Count == 0)
                throw new PipelineException("normalize",
                    $"no BACI data file (header t,i,j,k,v,q) found; files seen: {Describe(files)}",
                    "Point 'location' at a BACI release zip or one of its yearly CSVs.", source.Id, dataDisplay, 1);

            var countries = ReadCountries(source, files, countryCodesFile);
            var vintage = ResolveVintage(source, dataDisplay, data);
            var quarantine = new QuarantineWriter(source.Id, extractId);
            long rows, outside = 0;
            IReadOnlyList<int> written;
            await using (var writer = new TradeFlowsWriter(outputRoot, source.Id, "baci", extractId))
            {
                foreach (var file in data) outside += await ReadDataFileAsync(source, file, countries, vintage, writer, quarantine, years, ct);
                rows = writer.Rows;
                written = writer.Years.Order().ToList();
            }
            await quarantine.WriteAsync(quarantineRoot, ct);

            var total = rows + quarantine.Count;
            if (total == 0 && outside == 0)
                throw new PipelineException("normalize", "the BACI files hold no data rows",
                    "Check that the download is complete.", source.Id, dataDisplay);
            quarantine.EnforceShare(source, total);
            return new NormalizeResult(rows, quarantine.Count, written, vintage, data.Select(d => d.DisplayName).ToList(), outside);
        }
        finally
        {
            foreach (var d in owned) d.Dispose();
        }
    }

    static string Describe(IReadOnlyList<BaciFile> files) =>
        files.Count == 0 ? "none" : string.Join(", ", files.Select(f => $"{f.Name} ({f.Role})"));

    static IReadOnlyDictionary<int, BaciCountry> ReadCountries(SourceDefinition source, IReadOnlyList<BaciFile> files,
        string? countryCodesFile)
    {
        if (countryCodesFile is not null)
        {
            using var s = File.OpenRead(countryCodesFile);
            return BaciCountryCodes.Read(s, Path.GetFileName(countryCodesFile), source.Id);
        }
        var inZip = files.FirstOrDefault(f => f.Role == BaciFileRole.CountryCodes)
                    ?? throw new PipelineException("normalize",
                        "no country-code file: the download has none and options.country_codes is not set",
                        $"Set options.country_codes in {source.DefinitionFile} to the release's country_codes_V*.csv.",
                        source.Id);
        using var stream = inZip.Open();
        return BaciCountryCodes.Read(stream, inZip.DisplayName, source.Id);
    }

    static string ResolveVintage(SourceDefinition source, string dataDisplay, IReadOnlyList<BaciFile> data)
    {
        var fromNames = data.Select(d => BaciFiles.VintageFromName(d.Name)).Where(v => v is not null).Distinct().ToList();
        if (fromNames.Count > 1)
            throw new PipelineException("normalize", $"the download mixes HS vintages ({string.Join(", ", fromNames)})",
                "Define one source per BACI vintage.", source.Id, dataDisplay);
        var configured = source.Baci?.HsVintage;
        var named = fromNames.SingleOrDefault();
        if (configured is not null && named is not null && configured != named)
            throw new PipelineException("normalize", $"options.hs_vintage is {configured} but the files are {named}",
                $"Correct options.hs_vintage in {source.DefinitionFile}.", source.Id, data[0].DisplayName);
        return configured ?? named ?? throw new PipelineException("normalize",
            "cannot tell the HS vintage from the file names", $"Set options.hs_vintage in {source.DefinitionFile}.",
            source.Id, dataDisplay);
    }

    /// <returns>The number of rows left out because they are outside <paramref name="years"/>.</returns>
    static async Task<long> ReadDataFileAsync(SourceDefinition source, BaciFile file, IReadOnlyDictionary<int, BaciCountry> countries, string vintage,
        TradeFlowsWriter writer, QuarantineWriter quarantine, (int First, int Last)? years, CancellationToken ct)
    {
        long outside = 0;
        var productCodes = new string?[1_000_000];
        long read = 0;
        await using var stream = file.Open();
        using var csv = CsvReader.Create(stream, CsvDefaults.Options, leaveOpen: false);
        try
        {
            while (await csv.ReadAsync(ct))
            {
                read++;
                if (csv.FieldCount != 6)
                {
                    Quarantine(null, $"expected 6 fields (t,i,j,k,v,q), found {csv.FieldCount}");
                    continue;
                }
                if (!csv.TryParse<int>(0, out var year) || year is < 1900 or > 2100)
                {
                    Quarantine("t", $"'{csv.GetString(0)}' is not a year");
                    continue;
                }
                if (years is { } range && (year < range.First || year > range.Last))
                {
                    outside++;
                    continue;
                }
                if (!Country(1, "i", "exporter", out var exporter) || !Country(2, "j", "importer", out var importer)) continue;
                if (!Product(out var product)) continue;
                if (!csv.TryParse<double>(4, out var v) || !double.IsFinite(v) || v < 0)
                {
                    Quarantine("v", $"'{csv.GetString(4)}' is not a trade value (thousand USD, a number >= 0)");
                    continue;
                }
                double? q = null, qt = null;
                var qSpan = csv.GetSpan(5);
                if (!(qSpan.IsEmpty || qSpan.SequenceEqual("NA"u8)))
                {
                    if (!csv.TryParse<double>(5, out var tonnes) || !double.IsFinite(tonnes) || tonnes < 0)
                    {
                        Quarantine("q", $"'{csv.GetString(5)}' is not a quantity (tonnes, a number >= 0, or NA)");
                        continue;
                    }
                    qt = tonnes;
                    q = tonnes * 1000.0;
                }
                await writer.WriteAsync(new TradeFlow
                {
                    Year = year,
                    HsVintage = vintage,
                    Flow = "X",
                    Valuation = "FOB",
                    ProductLevel = 6,
                    QuantityOriginal = qt,
                    QuantityUnit = qt is null ? null : "t",
                    ReporterCode = exporter.CodeText,
                    ReporterIso3 = exporter.Iso3,
                    PartnerCode = importer.CodeText,
                    PartnerIso3 = importer.Iso3,
                    ProductCode = product,
                    ValueUsd = v * 1000.0,
                    QuantityKg = q,
                }, ct);
                if (read % ProgressEvery == 0)
                    Log.Information("{Source}: {Rows:N0} rows read from {File} (line {Line:N0})", source.Id, read, file.Name,
                        csv.LineNumber);
            }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"the compressed file is damaged ({e.Message})",
                "Download the file again and rerun.", source.Id, file.DisplayName, csv.LineNumber, inner: e);
        }
        Log.Information("{Source}: {File} read, {Rows:N0} rows", source.Id, file.Name, read);
        return outside;

        bool Country(int index, string column, string role, out BaciCountry country)
        {
            if (csv.TryParse<int>(index, out var code) && countries.TryGetValue(code, out country!)) return true;
            Quarantine(column, csv.TryParse<int>(index, out _)
                ? $"{role} code {csv.GetString(index)} is not in the country-code file"
                : $"'{csv.GetString(index)}' is not a BACI country code");
            country = null!;
            return false;
        }

        bool Product(out string product)
        {
            var span = csv.GetSpan(3);
            if (span.Length is >= 1 and <= 6 && csv.TryParse<int>(3, out var code) && code >= 0 && span.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
            {
                // Files re-saved by spreadsheets lose the leading zero (10121 for 010121): pad back to six.
                product = productCodes[code] ??= code.ToString("D6", CultureInfo.InvariantCulture);
                return true;
            }
            Quarantine("k", $"'{csv.GetString(3)}' is not an HS6 product code");
            product = "";
            return false;
        }

        void Quarantine(string? column, string reason) =>
            quarantine.Add(new QuarantinedRow(file.DisplayName, csv.LineNumber, column, reason,
                Encoding.UTF8.GetString(csv.RawRecord)));
    }
}
