using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// The definitions folder: <c>sources/*.json</c> and <c>clusters/*.json</c>, JSON with comments allowed.
/// Loading validates everything, so a bad definition fails before any work with its file and field named.
/// </summary>
public sealed partial record PipelineDefinitions(
    string Directory,
    IReadOnlyList<SourceDefinition> Sources,
    IReadOnlyList<ClusterDefinition> Clusters,
    CountryReference? Countries,
    MexicoReference? Mexico = null,
    WarehouseSettings? Settings = null,
    HsReference? Hs = null)
{
    /// <summary>Things to look at that are no error (a definition file with another extension, which is not read).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static PipelineDefinitions Load(string pipelinesDir, ISourceKinds kinds)
    {
        var definitions = Load(pipelinesDir, kinds, out var problems);
        return problems.Count > 0 ? throw DefinitionException.Of(problems) : definitions;
    }

    /// <summary>Loads what is valid and collects every problem (<c>validate</c> reports them all in one pass).</summary>
    public static PipelineDefinitions Load(string pipelinesDir, ISourceKinds kinds, out IReadOnlyList<DefinitionException> problemsFound)
    {
        var dir = Path.GetFullPath(pipelinesDir);
        if (!System.IO.Directory.Exists(dir))
            throw new DefinitionException(dir, "$", "the pipelines folder does not exist (pass --pipelines DIR)");
        var countryFile = CountryReference.PathIn(dir);
        var countries = File.Exists(countryFile) ? CountryReference.Load(countryFile) : null;
        var problems = new List<DefinitionException>();
        var sources = Collect(Files(dir, "sources"), f => LoadSource(dir, f, kinds), problems);
        var itemsFile = FaoItemReference.PathIn(dir);
        var faoItemCodes = File.Exists(itemsFile) ? FaoItemReference.Load(itemsFile).Select(i => i.ItemCode).ToHashSet() : null;
        var mexico = MexicoReference.LoadFrom(dir);
        var hs = HsReference.LoadFrom(dir);
        var clusters = Collect(Files(dir, "clusters"), f => LoadCluster(dir, f, countries, faoItemCodes, mexico, hs), problems);
        if (sources.Count == 0 && problems.Count == 0)
            problems.Add(new DefinitionException(Path.Combine(dir, "sources"), "$", "no source definitions (*.json) found"));
        if (clusters.Count == 0 && problems.Count == 0)
            problems.Add(new DefinitionException(Path.Combine(dir, "clusters"), "$", "no cluster definitions (*.json) found"));
        var settings = Collect([dir], WarehouseSettings.Load, problems).SingleOrDefault();
        problemsFound = problems;
        return new PipelineDefinitions(dir, sources, clusters, countries, mexico, settings, hs) { Warnings = OtherFiles(dir) };
    }

    /// <summary>Loads each file, collecting the problems of all of them (one pass reports every bad file).</summary>
    static List<T> Collect<T>(IEnumerable<string> files, Func<string, T> load, List<DefinitionException> problems)
    {
        var loaded = new List<T>();
        foreach (var file in files)
        {
            try
            {
                loaded.Add(load(file));
            }
            catch (DefinitionException e)
            {
                problems.AddRange(e.All.Count > 0 ? e.All : [e]);
            }
        }
        return loaded;
    }

    /// <summary>Definition files that are not read because they do not end in .json (a .jsonc or .yaml copy): any in sources/
    /// and clusters/, and schedule.* or warehouse.* in the folder itself.</summary>
    static List<string> OtherFiles(string dir) =>
        new[] { "sources", "clusters" }.Select(sub => Path.Combine(dir, sub)).Where(System.IO.Directory.Exists)
            .SelectMany(d => System.IO.Directory.GetFiles(d).Order(StringComparer.Ordinal))
            .Concat(System.IO.Directory.GetFiles(dir).Order(StringComparer.Ordinal)
                .Where(f => Path.GetFileNameWithoutExtension(f) is "schedule" or "warehouse"))
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => $"{Display(dir, f)} is not read: definitions are *.json files (JSON with // comments); rename it to .json or move it away")
            .ToList();

    /// <summary>The file a cluster is defined in (its id is the file name).</summary>
    public string ClusterFile(string id) => Path.Combine(Directory, "clusters", id + ".json");

    public SourceDefinition Source(string id) =>
        Sources.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"no source '{id}' in {Directory}");

    static IEnumerable<string> Files(string dir, string sub)
    {
        var d = Path.Combine(dir, sub);
        return System.IO.Directory.Exists(d)
            ? System.IO.Directory.GetFiles(d, "*.json").Order(StringComparer.Ordinal)
            : [];
    }

    static string Display(string dir, string file) => Path.GetRelativePath(Path.GetDirectoryName(dir)!, file);

    static string CheckId(JsonFields f, string file)
    {
        var id = f.RequiredString("id");
        if (!JsonFields.IsIdentifier(id))
            throw f.Error("id", $"'{id}' must be lower-case letters, digits, '-' or '_' (at most 63)");
        var stem = Path.GetFileNameWithoutExtension(file);
        if (id != stem) throw f.Error("id", $"'{id}' must match the file name '{stem}.json'");
        return id;
    }

    static SourceDefinition LoadSource(string dir, string file, ISourceKinds kinds)
    {
        var f = JsonFields.Load(file, Display(dir, file));
        f.RejectUnknown("id", "kind", "description", "location", "options", "fetch", "max_quarantine_share", "max_quarantine_year_share",
            "max_quarantine_value_share");
        var id = CheckId(f, file);
        var kind = f.RequiredString("kind");
        if (!kinds.Names.Contains(kind))
            throw f.Error("kind", $"unknown kind '{kind}' (known: {string.Join(", ", kinds.Names)})");
        var location = ResolveLocation(f, "location", f.RequiredString("location"), dir);

        var fetch = FetchOptions.Default;
        if (f.Object("fetch", required: false) is { } fo)
        {
            fo.RejectUnknown("timeout_seconds", "attempts", "retry_delay_seconds");
            fetch = new FetchOptions(
                TimeSpan.FromSeconds(fo.OptionalNumber("timeout_seconds", 1, 86_400) ?? fetch.Timeout.TotalSeconds),
                (int)(fo.OptionalNumber("attempts", 1, 10) ?? fetch.Attempts),
                TimeSpan.FromSeconds(fo.OptionalNumber("retry_delay_seconds", 0, 600) ?? fetch.RetryDelay.TotalSeconds));
        }
        var maxQuarantine = f.OptionalNumber("max_quarantine_share", 0, 1) ?? 0.01;

        var options = kinds.ReadOptions(kind, f.Object("options", required: false), dir);
        return new SourceDefinition(id, kind, location, f.File, fetch, maxQuarantine, options,
            f.OptionalNumber("max_quarantine_year_share", 0, 1) ?? 0.01, f.OptionalNumber("max_quarantine_value_share", 0, 1) ?? 0.01);
    }

    /// <summary>A URL as is, or a local path resolved against the pipelines folder and required to exist.</summary>
    public static string ResolveLocation(JsonFields f, string field, string location, string dir)
    {
        if (SourceDefinition.IsUrl(location))
        {
            if (!Uri.TryCreate(location, UriKind.Absolute, out _)) throw f.Error(field, $"'{location}' is not a valid URL");
            return location;
        }
        if (location.Contains("://")) throw f.Error(field, $"'{location}': only http(s) URLs and local paths are supported");
        var path = Path.GetFullPath(Path.Combine(dir, location));
        if (!File.Exists(path) && !System.IO.Directory.Exists(path)) throw f.Error(field, $"file or folder not found: {path}");
        return path;
    }

    static ClusterDefinition LoadCluster(string dir, string file, CountryReference? countries, HashSet<int>? faoItemCodes,
        MexicoReference? mexico, HsReference? hsReference)
    {
        var f = JsonFields.Load(file, Display(dir, file));
        f.RejectUnknown("id", "name", "country", "region", "regions", "products", "peers", "sources", "description");
        var id = CheckId(f, file);
        var name = f.RequiredString("name");
        var country = f.RequiredString("country");
        if (!Iso3().IsMatch(country)) throw f.Error("country", $"'{country}' is not an ISO3 code (three capital letters, e.g. CHL)");
        CheckKnownCountry(f, "country", country, countries);
        var products = f.Object("products", required: true)!;
        products.RejectUnknown("hs", "hs_vintage", "fao_items", "scian");
        var hs = products.StringList("hs", required: true);
        for (var i = 0; i < hs.Count; i++)
            if (!HsCode().IsMatch(hs[i]))
                throw products.Error($"hs[{i}]", $"'{hs[i]}' is not an HS code of 2, 4 or 6 digits");
        var vintage = products.RequiredString("hs_vintage").ToUpperInvariant();
        if (!HsVintages.All.Contains(vintage))
            throw products.Error("hs_vintage", $"'{vintage}' is not an HS vintage (one of {string.Join(", ", HsVintages.All)})");
        for (var i = 0; i < hs.Count && hsReference is not null; i++)
        {
            if (hsReference.IsKnown(vintage, hs[i])) continue;
            var elsewhere = hsReference.VintagesOf(hs[i]);
            throw products.Error($"hs[{i}]", $"HS code {hs[i]} is not in {HsReference.ProductsFile} for {vintage}" +
                (elsewhere.Count > 0 ? $" (it exists in {string.Join(", ", elsewhere)}: check hs_vintage)" : "") +
                $" (closest in {vintage}: {string.Join(", ", hsReference.Closest(vintage, hs[i]))}): the reference holds every code of every HS edition, so check the code and hs_vintage");
        }
        var faoItems = new List<int>();
        var itemTexts = products.StringOrNumberList("fao_items");
        for (var i = 0; i < itemTexts.Count; i++)
        {
            if (!int.TryParse(itemTexts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var item))
                throw products.Error($"fao_items[{i}]", $"'{itemTexts[i]}' is not an FAO item code (a number, e.g. 882)");
            if (faoItemCodes is not null && !faoItemCodes.Contains(item))
                throw products.Error($"fao_items[{i}]", $"FAO item {item} is not in {FaoItemReference.FileName} (closest: " +
                    $"{string.Join(", ", TextDistance.Closest(itemTexts[i], faoItemCodes.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))))})");
            faoItems.Add(item);
        }
        var scian = products.StringList("scian", required: false);
        for (var i = 0; i < scian.Count; i++)
        {
            if (!ScianCode().IsMatch(scian[i]))
                throw products.Error($"scian[{i}]", $"'{scian[i]}' is not a SCIAN code of 2, 4 or 6 digits");
            if (mexico is not null && !mexico.IsKnownScian(scian[i]))
                throw products.Error($"scian[{i}]", $"SCIAN {scian[i]} is not in scian.csv (closest: {string.Join(", ", mexico.ClosestScian(scian[i]))})");
        }
        var regions = f.StringList("regions", required: false);
        for (var i = 0; i < regions.Count; i++)
        {
            if (!InegiKey().IsMatch(regions[i]))
                throw f.Error($"regions[{i}]", $"'{regions[i]}' is not an INEGI key (2-digit state such as 16, or 5-digit municipality such as 16102)");
            if (mexico is not null && !mexico.IsKnownState(regions[i][..2]))
                throw f.Error($"regions[{i}]", $"state {regions[i][..2]} does not exist (INEGI states are 01 to 32)");
            if (mexico is not null && regions[i].Length == 5 && mexico.HasMunicipalities(regions[i][..2]) && !mexico.IsKnownMunicipality(regions[i]))
                throw f.Error($"regions[{i}]", $"municipality {regions[i]} is not in mx_geo.csv (closest: {string.Join(", ", mexico.ClosestMunicipalities(regions[i]))})");
        }
        var peers = f.StringList("peers", required: false);
        for (var i = 0; i < peers.Count; i++)
        {
            if (!Iso3().IsMatch(peers[i])) throw f.Error($"peers[{i}]", $"'{peers[i]}' is not an ISO3 code");
            CheckKnownCountry(f, $"peers[{i}]", peers[i], countries);
        }
        return new ClusterDefinition(id, name, country, hs.Distinct().ToList(), vintage, f.OptionalString("region"),
            regions, faoItems.Distinct().ToList(), scian.Distinct().ToList(), peers, f.OptionalString("sources"), f.File);
    }

    static void CheckKnownCountry(JsonFields f, string field, string iso3, CountryReference? countries)
    {
        if (countries is null || countries.IsKnownIso3(iso3)) return;
        throw f.Error(field, $"'{iso3}' is not a current country or territory in {CountryReference.FileName} " +
                             $"(closest: {string.Join(", ", countries.ClosestIso3(iso3))})");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();

    [GeneratedRegex("^([0-9]{2}|[0-9]{4}|[0-9]{6})$")]
    private static partial Regex HsCode();

    [GeneratedRegex("^[0-9]{2,6}$")]
    private static partial Regex ScianCode();

    [GeneratedRegex("^([0-9]{2}|[0-9]{5})$")]
    private static partial Regex InegiKey();
}
