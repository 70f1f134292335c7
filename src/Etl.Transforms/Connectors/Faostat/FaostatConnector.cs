using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Source kind <c>faostat</c>: a bulk zip, a CSV (bulk normalized or wide, web download, Detailed Trade Matrix), or a
/// folder of them, local or over http(s), into <c>fao_observations</c> and <c>fao_trade_matrix</c>.
/// </summary>
public sealed partial class FaostatConnector : ISourceConnector
{
    public string Kind => "faostat";
    public string Version => FaostatNormalizer.Version;
    public IReadOnlyList<NormalizedTable> Tables { get; } = [FaostatTables.ObservationsTable, FaostatTables.TradeMatrixTable];
    public IReadOnlyList<string> ReferenceFiles { get; } = [CountryReference.FileName, FaoItemReference.FileName];

    public object? ReadOptions(JsonFields? o, string pipelinesDir)
    {
        o?.RejectUnknown("domain");
        var domain = o?.OptionalString("domain")?.ToUpperInvariant();
        if (domain is not null && !DomainCode().IsMatch(domain))
            throw o!.Error("domain", $"'{domain}' is not a FAOSTAT domain code (letters, e.g. QCL, PP, TCL, TM)");
        return new FaostatOptions(domain);
    }

    /// <summary>A folder is pulled file by file (every *.zip and *.csv in it, by name): the first as role <c>data</c>,
    /// the others as <c>data:&lt;name&gt;</c>. A file or URL is pulled as <c>data</c>.</summary>
    public async Task<IReadOnlyList<ManifestEntry>> PullAsync(PullContext c, CancellationToken ct)
    {
        var location = c.Source.Location;
        if (SourceDefinition.IsUrl(location) || !Directory.Exists(location))
            return [await c.Puller.PullAsync(c.Layout, c.Source, "data", location, c.RunId, ct)];
        return await FolderPull.PullAsync(c, ["*.zip", "*.csv"], ct, firstAsData: true);
    }

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext c, CancellationToken ct)
    {
        var inputs = c.DataFiles.Select(f => (f.Path, f.Display)).ToList();
        var result = await new FaostatNormalizer(ReferenceFor(c.Definitions, c.Source.Id))
            .NormalizeAsync(c.Source, inputs, (c.Source.Options as FaostatOptions)?.Domain, c.ExtractId, c.OutputRoot, c.QuarantineRoot,
                ct, c.Years);
        return new NormalizeResult(result.Observations + result.TradeMatrixRows, result.Quarantined, result.Years, "", result.Files,
            result.OutsideYears);
    }

    /// <summary>The country reference (required) and the FAO item reference (when the pipelines folder has one).</summary>
    public static FaostatReference ReferenceFor(PipelineDefinitions? definitions, string sourceId)
    {
        var countries = definitions?.Countries ?? throw new PipelineException("normalize",
            $"the country reference ({CountryReference.FileName}) is missing",
            "Restore pipelines/reference/countries.csv: FAOSTAT areas are resolved through it.", sourceId);
        var itemsFile = FaoItemReference.PathIn(definitions.Directory);
        return new FaostatReference(countries, File.Exists(itemsFile) ? FaoItemReference.Load(itemsFile) : []);
    }

    [GeneratedRegex("^[A-Z]{1,6}$")]
    private static partial Regex DomainCode();
}
