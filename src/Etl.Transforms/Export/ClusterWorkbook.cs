namespace ClusterEtl.Transforms.Export;

/// <summary>One cluster's rows of every mart as an Excel workbook (placeholder until the workbook is written).</summary>
public static class ClusterWorkbook
{
    public static bool Write(string warehouseFile, string clusterId, string file) =>
        throw new NotSupportedException("export --xlsx is not written yet");
}
