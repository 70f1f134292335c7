using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Export;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The files of one cluster a person asks for from the command line, read from the published warehouse:
/// <c>report ID --html FILE</c> (its page of the site, self-contained) and <c>export ID --xlsx FILE</c> (a workbook).
/// Returns the exit code: 0 written, 1 nothing published yet, 2 no such cluster; the reason goes to <paramref name="error"/>.
/// </summary>
public static class ClusterFiles
{
    /// <param name="language">en or es; null: the site language of <c>pipelines/warehouse.json</c>.</param>
    public static int Html(string clusterId, string file, string? language, string pipelinesDir, DataLayout layout, TextWriter? error = null) =>
        Write(layout, clusterId, error ?? Console.Error, () => SiteWriter.WriteClusterReport(layout.WarehouseFile, clusterId, file,
            language ?? WarehouseSettings.Load(pipelinesDir).SiteLanguage));

    public static int Xlsx(string clusterId, string file, DataLayout layout, TextWriter? error = null) =>
        Write(layout, clusterId, error ?? Console.Error, () => ClusterWorkbook.Write(layout.WarehouseFile, clusterId, file));

    static int Write(DataLayout layout, string clusterId, TextWriter error, Func<bool> write)
    {
        if (!File.Exists(layout.WarehouseFile))
        {
            error.WriteLine($"error: no warehouse in {layout.WarehouseDir}: run the pipeline first (`run`)");
            return 1;
        }
        if (write()) return 0;
        error.WriteLine($"error: no cluster '{clusterId}' in the warehouse (see `clusters`)");
        return 2;
    }
}
