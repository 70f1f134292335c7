using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Streams a CEPII BACI release (zip or CSV, <c>t,i,j,k,v,q</c>) into <c>trade_flows</c> Parquet:
/// k kept as 6-character text, v (thousand USD) to USD, q (tonnes) to kg, <c>NA</c> quantities as null,
/// exporter and importer mapped to ISO3 through the release's country-code file. A row that cannot be
/// read goes to quarantine with file, line, column and reason; too many of them fail the source.
/// </summary>
public sealed class BaciNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<BaciNormalizer>();

    public static string Version => "baci/2";

    /// <param name="dataFile">The raw BACI zip or CSV.</param>
    /// <param name="countryCodesFile">A separate country-code file, or null to use the one in the zip.</param>
    /// <param name="outputRoot">Folder receiving <c>trade_flows/source=…/year=…/</c>.</param>
    /// <param name="quarantineRoot">Folder receiving <c>source=…/quarantine.parquet</c>.</param>
    /// <param name="threads">How many threads may work at once (default: one per processor). 1 reads, parses and
    /// writes everything on the calling thread; more read several data files at once and parse a file's records on
    /// workers while Parquet is encoded (see <see cref="BaciReadPlan"/>). The output is the same, byte for byte,
    /// whatever the number.</param>
    public async Task<NormalizeResult> NormalizeAsync(SourceDefinition source, string dataFile, string dataDisplay,
        string? countryCodesFile, string extractId, string outputRoot, string quarantineRoot, CancellationToken ct,
        (int First, int Last)? years = null, int? threads = null)
    {
        using var opened = new OpenedFiles();
        var files = BaciFiles.Open(dataFile, dataDisplay, source.Id, opened.Items);
        var data = files.Where(f => f.Role == BaciFileRole.Data).ToList();
        if (data.Count == 0)
            throw new PipelineException("normalize",
                $"no BACI data file (header t,i,j,k,v,q) found; files seen: {Describe(files)}",
                "Point 'location' at a BACI release zip or one of its yearly CSVs.", source.Id, dataDisplay, 1);

        var countries = ReadCountries(source, files, countryCodesFile);
        var vintage = ResolveVintage(source, dataDisplay, data);
        var job = new BaciReadJob(source, data, countries, vintage, years, outputRoot, extractId);
        var plan = BaciReadPlan.For(threads ?? Environment.ProcessorCount, data.Count);
        Log.Information("{Source}: {Plan}", source.Id, plan);
        var read = await job.RunAsync(plan, ct);
        await read.Quarantine.WriteAsync(quarantineRoot, ct);

        var total = read.Rows + read.Quarantine.Count;
        if (total == 0 && read.Outside == 0)
            throw new PipelineException("normalize", "the BACI files hold no data rows",
                "Check that the download is complete.", source.Id, dataDisplay);
        var tally = read.Tally;
        if (tally.Conflicts > 0)
            throw new PipelineException("normalize",
                $"{tally.Conflicts:N0} flow(s) are given twice with different values ({string.Join("; ", tally.ConflictExamples)}); " +
                "added up they would count twice", "Fix the release (it must hold each flow once), or keep one of the copies.",
                source.Id, dataDisplay);
        var dropped = tally.DuplicatesDropped;
        if (tally.NeedsDuplicateCheck) dropped += TradeFlowDuplicates.Check(source, outputRoot, dataDisplay);
        if (dropped > 0) Log.Warning("{Source}: {Dropped:N0} exact duplicate flow(s) dropped", source.Id, dropped);
        read.Quarantine.EnforceLimits(source, total, tally.RowsByYear(),
            tally.ValueByReporterYear(code => countries.TryGetValue(code, out var c) ? c.Iso3 : null));
        return new NormalizeResult(read.Rows - (dropped - tally.DuplicatesDropped), read.Quarantine.Count, read.Years, vintage,
            data.Select(d => d.DisplayName).ToList(), read.Outside, dropped);
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
        var configured = (source.Options as BaciOptions)?.HsVintage;
        var named = fromNames.SingleOrDefault();
        if (configured is not null && named is not null && configured != named)
            throw new PipelineException("normalize", $"options.hs_vintage is {configured} but the files are {named}",
                $"Correct options.hs_vintage in {source.DefinitionFile}.", source.Id, data[0].DisplayName);
        return configured ?? named ?? throw new PipelineException("normalize",
            "cannot tell the HS vintage from the file names", $"Set options.hs_vintage in {source.DefinitionFile}.",
            source.Id, dataDisplay);
    }
}
