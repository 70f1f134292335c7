using System.CommandLine;
using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Jobs.Commands;

/// <summary><c>clusters</c> lists the catalogue; <c>clusters show ID</c> prints what a cluster covers in each source.</summary>
public static class ClustersCommand
{
    public static Command Create()
    {
        var pipelines = CommonOptions.Pipelines();
        var data = CommonOptions.DataDir();
        var id = new Argument<string>("ID") { Description = "The cluster's id, e.g. chile-salmon" };
        var showPipelines = CommonOptions.Pipelines();
        var showData = CommonOptions.DataDir();
        var show = new Command("show", "What a cluster covers: country codes, HS codes and the HS6 codes found in the data, FAO items " +
                                       "with their CPC/HS codes, SCIAN codes, INEGI regions, peers")
        {
            id, showPipelines, showData,
        };
        show.SetAction(p => Show(PipelineDefinitions.Load(p.GetValue(showPipelines)!, SourceConnectors.Kinds), p.GetValue(id)!, new DataLayout(p.GetValue(showData)!),
            Console.Out));
        var command = new Command("clusters", "The cluster catalogue (pipelines/clusters/); `clusters show ID`: what a cluster covers")
        {
            pipelines, data, show,
        };
        command.SetAction(p => List(PipelineDefinitions.Load(p.GetValue(pipelines)!, SourceConnectors.Kinds), Console.Out));
        return command;
    }

    public static int List(PipelineDefinitions d, TextWriter output)
    {
        output.WriteLine($"{"id",-20} {"country",-7} {"HS",-16} {"FAO items",-12} {"SCIAN",-10} name");
        foreach (var c in d.Clusters)
            output.WriteLine($"{c.Id,-20} {c.Country,-7} {$"{c.HsVintage}: {c.HsCodes.Count} code(s)",-16} " +
                             $"{(c.FaoItems.Count == 0 ? "-" : string.Join(",", c.FaoItems)),-12} {(c.Scian.Count == 0 ? "-" : string.Join(",", c.Scian)),-10} {c.Name}");
        output.WriteLine($"{d.Clusters.Count} cluster(s); `clusters show ID` for the codes each covers");
        return 0;
    }

    public static int Show(PipelineDefinitions d, string id, DataLayout layout, TextWriter output)
    {
        var c = d.Clusters.FirstOrDefault(x => x.Id == id)
                ?? throw new UsageException($"no cluster '{id}' (closest: {string.Join(", ", TextDistance.Closest(id, d.Clusters.Select(x => x.Id)))})");
        var country = d.Countries?.Countries.FirstOrDefault(x => x.Iso3 == c.Country && x.IsCurrent);
        output.WriteLine($"{c.Id}: {c.Name}");
        output.WriteLine($"  country      {c.Country}" + (country is null ? "" :
            $" {country.NameEn} / {country.NameEs} (M49 {country.M49}, FAO {country.FaoCode}, Comtrade {country.ComtradeCode}, BACI {country.BaciCode})"));
        if (c.Region is not null) output.WriteLine($"  region       {c.Region}");
        if (c.InegiRegions.Count > 0) output.WriteLine($"  INEGI keys   {string.Join(" ", c.InegiRegions)}");
        output.WriteLine($"{$"  HS ({c.HsVintage})",-15}{string.Join(" ", c.HsCodes)} (prefixes of 6-digit codes)");
        output.WriteLine($"  HS6 in data  {ProductsInWarehouse(layout, c.Id)}");
        var itemsFile = FaoItemReference.PathIn(d.Directory);
        var items = File.Exists(itemsFile) ? FaoItemReference.Load(itemsFile) : [];
        foreach (var item in c.FaoItems)
        {
            var rows = items.Where(i => i.ItemCode == item).ToList();
            var hs = string.Join("; ", rows.Where(r => r.HsVintage is not null).GroupBy(r => r.HsVintage)
                .Select(g => $"{g.Key} {string.Join(",", g.Select(r => r.HsCode))}"));
            output.WriteLine($"  FAO item     {item} {rows.FirstOrDefault()?.Item} (CPC {rows.FirstOrDefault()?.CpcCode}; {hs})");
        }
        if (c.Scian.Count > 0) output.WriteLine($"  SCIAN        {string.Join(" ", c.Scian)} (prefixes)");
        if (c.Peers.Count > 0) output.WriteLine($"  peers        {string.Join(" ", c.Peers)}");
        if (c.Provenance is not null) output.WriteLine($"  sources      {c.Provenance}");
        return 0;
    }

    static string ProductsInWarehouse(DataLayout layout, string id)
    {
        if (!File.Exists(layout.WarehouseFile)) return $"(no warehouse yet in {layout.WarehouseDir}: run first)";
        using var c = DuckDb.Open(layout.WarehouseFile, readOnly: true);
        var codes = c.Rows("SELECT hs_vintage || ' ' || product_code FROM intermediate.int_cluster_products WHERE cluster_id = $1 ORDER BY 1", id)
            .Select(r => (string)r[0]!).ToList();
        return codes.Count == 0 ? "none of the cluster's codes is in the trade data" : string.Join(" ", codes);
    }
}
