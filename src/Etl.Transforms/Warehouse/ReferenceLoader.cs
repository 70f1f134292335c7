using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Reference;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Fills the <c>ref</c> tables (created by <c>sql/seeds/</c>) from the definitions and <c>pipelines/reference/</c>:
/// settings, clusters, countries, FAO items, Mexican geography and SCIAN, HS products and concordance, deflators, primary
/// equivalents.
/// </summary>
public static class ReferenceLoader
{
    public static void Load(DuckDBConnection c, PipelineDefinitions definitions, WarehouseSettings settings)
    {
        c.Append("ref", "settings", settings.Entries.Concat(settings.DuckDb.Entries).Select(e => new object?[] { e.Name, e.Value, e.Description }));
        LoadClusters(c, definitions);
        LoadCountries(c, definitions);
        LoadFaoItems(c, definitions);
        LoadMexico(c, definitions);
        LoadProducts(c, definitions);
        LoadDeflators(c, definitions);
        LoadPrimaryEquivalents(c, definitions);
    }

    static void LoadClusters(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var clusters = definitions.Clusters;
        c.Append("ref", "clusters", clusters.Select(cl => new object?[]
            { cl.Id, cl.Name, cl.Country, cl.Region, cl.HsVintage, cl.Provenance, Path.GetFileName(cl.DefinitionFile) }));
        c.Append("ref", "cluster_hs_codes", clusters.SelectMany(cl => cl.HsCodes.Select(hs => new object?[] { cl.Id, hs })));
        c.Append("ref", "cluster_fao_items", clusters.SelectMany(cl => cl.FaoItems.Select(item => new object?[] { cl.Id, item })));
        c.Append("ref", "cluster_scian", clusters.SelectMany(cl => cl.Scian.Select(code => new object?[] { cl.Id, code })));
        c.Append("ref", "cluster_regions", clusters.SelectMany(cl => cl.InegiRegions.Select(key => new object?[] { cl.Id, key })));
        c.Append("ref", "cluster_peers", clusters.SelectMany(cl => cl.Peers.Select(peer => new object?[] { cl.Id, peer })));
    }

    static void LoadCountries(DuckDBConnection c, PipelineDefinitions definitions)
    {
        c.Append("ref", "countries", (definitions.Countries?.Countries ?? []).Select(r => new object?[]
        {
            r.Entity, r.Iso3, r.Iso2, r.M49, r.FaoCode, r.ComtradeCode, r.BaciCode, r.NameEn, r.NameEs, r.ValidFrom, r.ValidTo,
            r.Kind, r.IsAggregate, r.Note,
        }));
    }

    static void LoadFaoItems(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var file = FaoItemReference.PathIn(definitions.Directory);
        if (!File.Exists(file)) return;
        c.Append("ref", "fao_items", FaoItemReference.Load(file)
            .Select(r => new object?[] { r.ItemCode, r.Item, r.CpcCode, r.HsVintage, r.HsCode }));
    }

    static void LoadMexico(DuckDBConnection c, PipelineDefinitions definitions)
    {
        if (definitions.Mexico is not { } mx) return;
        c.Append("ref", "mx_geo", mx.Geo.Select(g => new object?[] { g.InegiKey, g.Level, g.Name, g.StateKey }));
        c.Append("ref", "scian", mx.Scian.Select(s => new object?[] { s.Code, s.TitleEs, s.ParentCode, s.Code.Replace("-", "").Length, s.Note }));
    }

    /// <summary>
    /// ref.products (pipelines/reference/hs_products.csv.gz) and ref.hs_concordance (hs_concordance.csv.gz, the correlation
    /// tables already chained by make_reference.py), read by DuckDB itself.
    /// </summary>
    static void LoadProducts(DuckDBConnection c, PipelineDefinitions definitions)
    {
        if (definitions.Hs is null || ReferenceFiles.Find(definitions.Directory, HsReference.ProductsFile) is not { } products) return;
        c.Execute($"INSERT INTO ref.products SELECT hs_vintage, code, length(code), description FROM {ReadCsv(products, "hs_vintage", "code", "description")}");
        if (ReferenceFiles.Find(definitions.Directory, HsReference.ConcordanceFile) is not { } concordance) return;
        // The file lists each pair older -> newer; the reverse (newer -> older) is the same link, its relationship mirrored.
        c.Execute($"INSERT INTO ref.hs_concordance SELECT * FROM {ReadCsv(concordance, "from_vintage", "from_code", "to_vintage", "to_code", "relationship")}");
        c.Execute("INSERT INTO ref.hs_concordance SELECT to_vintage, to_code, from_vintage, from_code, reverse(relationship) FROM ref.hs_concordance");
    }

    /// <summary>read_csv over a generated reference file (plain or gzipped) of text columns, without sniffing its dialect.</summary>
    static string ReadCsv(string file, params string[] columns) =>
        $"read_csv({DuckDb.Literal(file.Replace('\\', '/'))}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', " +
        $"columns = {{{string.Join(", ", columns.Select(col => $"'{col}': 'VARCHAR'"))}}})";

    /// <summary>pipelines/reference/deflators.csv (series, year, value, source), read by DuckDB itself.</summary>
    static void LoadDeflators(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var file = Path.Combine(definitions.Directory, "reference", "deflators.csv");
        if (!File.Exists(file)) return;
        c.Execute($"INSERT INTO ref.deflators SELECT series, year, value, source FROM read_csv({DuckDb.Literal(file.Replace('\\', '/'))}, " +
                  "header = true, columns = {'series': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'source': 'VARCHAR'})");
    }

    /// <summary>pipelines/reference/primary_equivalents.csv (fao_item_code, hs_prefix, factor, basis, source), read by DuckDB itself.</summary>
    static void LoadPrimaryEquivalents(DuckDBConnection c, PipelineDefinitions definitions)
    {
        var file = Path.Combine(definitions.Directory, "reference", "primary_equivalents.csv");
        if (!File.Exists(file)) return;
        c.Execute("INSERT INTO ref.primary_equivalents SELECT fao_item_code, hs_prefix, factor, basis, source FROM read_csv(" +
                  $"{DuckDb.Literal(file.Replace('\\', '/'))}, header = true, columns = {{'fao_item_code': 'INTEGER', 'hs_prefix': 'VARCHAR', " +
                  "'factor': 'DECIMAL(9, 3)', 'basis': 'VARCHAR', 'source': 'VARCHAR'})");
    }
}
