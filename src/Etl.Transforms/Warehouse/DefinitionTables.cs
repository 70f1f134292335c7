using ClusterEtl.Transforms.Definitions;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Fills the <c>ref</c> tables that come from the JSON definitions, not from a reference file: the warehouse settings
/// (<c>pipelines/warehouse.json</c>) and the cluster catalogue (<c>pipelines/clusters/*.json</c>). Their seeds
/// (<c>sql/seeds/ref_settings.sql</c>, <c>ref_clusters.sql</c>, <c>ref_cluster_*.sql</c>) creates and documents them; the values go
/// in by column name.
/// </summary>
public static class DefinitionTables
{
    public static void Load(DuckDBConnection c, PipelineDefinitions definitions, WarehouseSettings settings)
    {
        c.AppendByName("ref", "settings", ["name", "value", "description"],
            settings.Entries.Concat(settings.DuckDb.Entries).Select(e => new object?[] { e.Name, e.Value, e.Description }));
        var clusters = definitions.Clusters;
        c.AppendByName("ref", "clusters", ["cluster_id", "name", "country_iso3", "region", "hs_vintage", "provenance", "definition_file"],
            clusters.Select(cl => new object?[]
                { cl.Id, cl.Name, cl.Country, cl.Region, cl.HsVintage, cl.Provenance, Path.GetFileName(cl.DefinitionFile) }));
        AppendLists(c, "cluster_hs_codes", "hs_code", clusters.SelectMany(cl => cl.HsCodes.Select(hs => (cl.Id, (object?)hs))));
        AppendLists(c, "cluster_fao_items", "item_code", clusters.SelectMany(cl => cl.FaoItems.Select(item => (cl.Id, (object?)item))));
        AppendLists(c, "cluster_scian", "scian_code", clusters.SelectMany(cl => cl.Scian.Select(code => (cl.Id, (object?)code))));
        AppendLists(c, "cluster_regions", "inegi_key", clusters.SelectMany(cl => cl.InegiRegions.Select(key => (cl.Id, (object?)key))));
        AppendLists(c, "cluster_peers", "peer_iso3", clusters.SelectMany(cl => cl.Peers.Select(peer => (cl.Id, (object?)peer))));
    }

    /// <summary>A list of a cluster's definition: one row per cluster and entry.</summary>
    static void AppendLists(DuckDBConnection c, string table, string column, IEnumerable<(string Cluster, object? Value)> entries) =>
        c.AppendByName("ref", table, ["cluster_id", column], entries.Select(e => new object?[] { e.Cluster, e.Value }));
}
