using System.IO.Compression;

namespace ClusterEtl.Transforms.Reference;

/// <summary>
/// Where a reference file of <c>pipelines/reference/</c> lies: the big generated lists are shipped gzipped
/// (<c>hs_products.csv.gz</c>), and a plain <c>.csv</c> of the same name, if a user writes one, is read instead.
/// </summary>
public static class ReferenceFiles
{
    /// <summary>The path of <paramref name="csvName"/> (e.g. <c>hs_products.csv</c>) or of its <c>.gz</c>; null when neither exists.</summary>
    public static string? Find(string pipelinesDir, string csvName)
    {
        var plain = Path.Combine(pipelinesDir, "reference", csvName);
        if (File.Exists(plain)) return plain;
        return File.Exists(plain + ".gz") ? plain + ".gz" : null;
    }

    /// <summary>The file's text, decompressed when its name ends in <c>.gz</c>.</summary>
    public static Stream Open(string file)
    {
        var stream = File.OpenRead(file);
        return file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
