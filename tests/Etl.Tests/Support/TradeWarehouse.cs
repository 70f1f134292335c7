using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Faostat;
using ClusterEtl.Transforms.Connectors.Inegi.Census;
using ClusterEtl.Transforms.Connectors.Inegi.Denue;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// Builds a warehouse from hand-made rows: the bundled definitions (or a subset of clusters plus extra cluster files),
/// trade flows, FAOSTAT observations, DENUE establishments and census cells written to the lake as the connectors
/// would, and the project's SQL.
/// </summary>
public sealed class TradeWarehouse(TempDir dir)
{
    readonly Dictionary<(string Source, string Kind), List<TradeFlow>> _flows = new();
    readonly Dictionary<string, List<FaoObservation>> _fao = new();
    readonly Dictionary<string, List<DenueEstablishment>> _establishments = new();
    readonly Dictionary<string, List<CensusUnit>> _census = new();

    public string Pipelines { get; } = CopyPipelines(dir);
    public DataLayout Layout { get; } = new(dir.Combine("data"));
    public string File => dir.Combine("build", "clusters.duckdb");

    static string CopyPipelines(TempDir dir)
    {
        var p = dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, p);
        return p;
    }

    /// <summary>Keeps only these bundled clusters (others would only add rows to the marts).</summary>
    public TradeWarehouse KeepClusters(params string[] ids)
    {
        foreach (var f in Directory.GetFiles(Path.Combine(Pipelines, "clusters"), "*.json"))
            if (!ids.Contains(Path.GetFileNameWithoutExtension(f))) System.IO.File.Delete(f);
        return this;
    }

    public TradeWarehouse AddCluster(string id, string json)
    {
        System.IO.File.WriteAllText(Path.Combine(Pipelines, "clusters", id + ".json"), json);
        return this;
    }

    public TradeWarehouse Settings(string json)
    {
        System.IO.File.WriteAllText(WarehouseSettings.PathIn(Pipelines), json);
        return this;
    }

    /// <summary>A flow as a connector writes it (annual, HS6 unless the code is TOTAL); <paramref name="quantity"/> in
    /// <paramref name="unit"/> is the quantity as published (Comtrade's qty and qtyUnitAbbr, besides the net weight).</summary>
    public TradeWarehouse Flow(string source, string kind, string vintage, int year, string flow, string reporter, string partner,
        string product, double valueUsd, double? kg = null, double? quantity = null, string? unit = null)
    {
        var key = (source, kind);
        if (!_flows.TryGetValue(key, out var list)) _flows[key] = list = [];
        list.Add(new TradeFlow
        {
            Year = year, HsVintage = vintage, Flow = flow, ReporterCode = reporter, ReporterIso3 = reporter,
            PartnerCode = partner, PartnerIso3 = partner, ProductCode = product, ProductLevel = product == "TOTAL" ? 0 : product.Length,
            ValueUsd = valueUsd, Valuation = flow is "M" or "RM" ? "CIF" : "FOB", QuantityKg = kg,
            QuantityOriginal = quantity, QuantityUnit = unit,
        });
        return this;
    }

    /// <summary>Replaces a reference file of the pipelines copy (e.g. deflators.csv) with this content.</summary>
    public TradeWarehouse Reference(string file, string content)
    {
        System.IO.File.WriteAllText(Path.Combine(Pipelines, "reference", file), content);
        return this;
    }

    /// <summary>A FAOSTAT production figure (element 5510, tonnes) of a country, as the faostat connector writes it.</summary>
    public TradeWarehouse FaoProduction(string source, string iso3, int item, int year, double tonnes, string domain = "QCL",
        string flag = "A") =>
        Fao(source, domain, iso3, item, year, 5510, "Production", "t", new StandardUnit("t", 1), tonnes, flag);

    /// <summary>FAOSTAT exports (domain TCL) of a country: quantity (element 5910, tonnes) and value (5922, in 1000 USD as
    /// published: the lake holds USD), each with its flag; a NULL figure is not written.</summary>
    public TradeWarehouse FaoExports(string source, string iso3, int item, int year, double? tonnes, double? thousandUsd,
        string qtyFlag = "A", string valueFlag = "A")
    {
        if (tonnes is { } t) Fao(source, "TCL", iso3, item, year, 5910, "Export quantity", "t", new StandardUnit("t", 1), t, qtyFlag);
        if (thousandUsd is { } v) Fao(source, "TCL", iso3, item, year, 5922, "Export value", "1000 USD", new StandardUnit("USD", 1000), v, valueFlag);
        return this;
    }

    /// <summary>A FAOSTAT annual producer price in USD per tonne (domain PP, element 5532).</summary>
    public TradeWarehouse FaoPrice(string source, string iso3, int item, int year, double usdPerTonne) =>
        Fao(source, "PP", iso3, item, year, 5532, "Producer Price (USD/tonne)", "USD", new StandardUnit("USD/t", 1), usdPerTonne);

    TradeWarehouse Fao(string source, string domain, string iso3, int item, int year, int element, string elementName, string unit,
        StandardUnit standard, double value, string flag = "A")
    {
        if (!_fao.TryGetValue(source, out var list)) _fao[source] = list = [];
        list.Add(new FaoObservation(new FaoArea(null, null, iso3, iso3, iso3, false), new FaoMeasure
        {
            Domain = domain, Item = new FaoItem(item, null, "item " + item, true), ElementCode = element, Element = elementName,
            Year = year, Unit = unit, Value = value, Standard = standard, Flag = flag, Layout = "hand", File = "hand",
        }));
        return this;
    }

    /// <summary>A DENUE establishment: SCIAN class, 5-digit municipality key, size band as published, registration month.</summary>
    public TradeWarehouse Establishment(string source, long id, string scian, string municipalityKey, string band, string registeredMonth)
    {
        if (!_establishments.TryGetValue(source, out var list)) _establishments[source] = list = [];
        var b = DenueSizeBands.Parse(band) ?? throw new ArgumentException($"not a DENUE band: {band}");
        list.Add(new DenueEstablishment(id, null, "establishment " + id, null, scian, null, b, municipalityKey[..2], "state " + municipalityKey[..2],
            municipalityKey, "municipality " + municipalityKey, null, null, "Fijo", null, null, registeredMonth));
        return this;
    }

    /// <summary>
    /// A census cell (SAIC export row): area "00" national, 2 digits a state, 5 a municipality; NULL = withheld. A NULL
    /// <paramref name="scian"/> is the area's all-activities total (activity label "Total"). Economic units (UE) are 10
    /// unless given.
    /// </summary>
    public TradeWarehouse Census(string source, int year, string area, string? scian, long? employment, double? grossProduction,
        string? stratum = null, long? units = 10)
    {
        if (!_census.TryGetValue(source, out var list)) _census[source] = list = [];
        var level = area == "00" ? "national" : area.Length == 2 ? "state" : "municipality";
        var withheld = string.Join(",", new[] { units is null ? "UE" : null, employment is null ? "H001A" : null,
            grossProduction is null ? "A111A" : null }.OfType<string>());
        var scianLevel = scian?.Length switch { null => null, 3 => "subsector", 4 => "rama", 5 => "subrama", _ => "clase" };
        list.Add(new CensusUnit(year, area[..2], level == "national" ? "Total nacional" : "state " + area[..2],
            level == "municipality" ? area : null, level == "municipality" ? "municipality " + area : null, level, stratum, scian,
            scianLevel, scian is null ? "Total" : "activity " + scian, level == "national" || scian is null, units, employment,
            grossProduction, grossProduction, withheld.Length > 0, withheld.Length > 0 ? withheld : null));
        return this;
    }

    public async Task<string> BuildAsync()
    {
        var ct = CancellationToken.None;
        foreach (var ((source, kind), rows) in _flows)
        {
            await using (var w = new TradeFlowsWriter(Layout.NormalizedDir, source, kind, "hand"))
                foreach (var r in rows) await w.WriteAsync(r, ct);
            await new QuarantineWriter(source, "hand").WriteAsync(Layout.QuarantineDir, ct);
        }
        foreach (var (source, rows) in _fao)
        {
            await using (var w = new LakeTableWriter<FaoObservation, FaoObservationColumns>(Layout.NormalizedDir, FaostatTables.ObservationsTable,
                             source, () => new FaoObservationColumns("hand")))
                foreach (var r in rows) await w.WriteAsync(r.Measure.Year, r, ct);
            await new QuarantineWriter(source, "hand").WriteAsync(Layout.QuarantineDir, ct);
        }
        foreach (var (source, rows) in _establishments)
        {
            await using (var w = new LakeTableWriter<DenueEstablishment, DenueEstablishmentColumns>(Layout.NormalizedDir, DenueEstablishmentColumns.Table, source, () => new DenueEstablishmentColumns("hand")))
                foreach (var r in rows) await w.WriteAsync(r, ct);
            await new QuarantineWriter(source, "hand").WriteAsync(Layout.QuarantineDir, ct);
        }
        foreach (var (source, rows) in _census)
        {
            await using (var w = new LakeTableWriter<CensusUnit, CensusUnitColumns>(Layout.NormalizedDir, CensusUnitColumns.Table, source, () => new CensusUnitColumns("hand")))
                foreach (var r in rows) await w.WriteAsync(r, ct);
            await new QuarantineWriter(source, "hand").WriteAsync(Layout.QuarantineDir, ct);
        }
        new WarehouseBuilder(SourceConnectors.Lake).Build(File, SqlProject.Load(Repo.Sql), PipelineDefinitions.Load(Pipelines, SourceConnectors.Kinds), Layout, "test-run", "fp");
        return File;
    }
}
