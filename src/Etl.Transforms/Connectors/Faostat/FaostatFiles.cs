using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Opens what a FAOSTAT source points at: bulk zips (their CSVs), bare CSVs, or every such file of a folder;
/// classifies each CSV by its header, and picks the data to read: per data set, the normalized or web copy,
/// else the wide copy with flags, else the wide copy without flags. A zip that cannot be read (truncated
/// download) is a clear error naming it; so is a CSV whose header matches no FAOSTAT layout.
/// </summary>
public static partial class FaostatFiles
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(FaostatFiles));

    /// <param name="inputs">The pulled files: (full path, path as shown).</param>
    public static IReadOnlyList<FaostatFile> Open(IReadOnlyList<(string Path, string Display)> inputs, string sourceId,
        List<IDisposable> owned)
    {
        var files = new List<FaostatFile>();
        foreach (var (path, display) in inputs)
        {
            var zipName = Path.GetFileName(path);
            files.AddRange(DownloadFiles.Open(path, display, sourceId, owned)
                .Where(DownloadFiles.IsCsv)
                .Select(e => Classify(e.Display, e.Name, e.InZip ? zipName + "!" + Stem(e.Name) : Stem(e.Name), e.Open)));
        }
        return files;
    }

    public static FaostatSelection Select(IReadOnlyList<FaostatFile> files, string sourceId)
    {
        var data = new List<FaostatFile>();
        var ignored = new List<(FaostatFile, string)>();
        foreach (var file in files.Where(f => f.Layout.Kind == FaostatLayoutKind.Unknown))
        {
            // A bulk zip is a contract: an entry named like its data (…_All_Data…csv) is read, or the source fails; other
            // entries (code lists, notes) may be something else.
            if (file.Display.Contains('!') && !file.Name.Contains("_All_Data", StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add((file, file.Layout.Problem!));
                continue;
            }
            throw new PipelineException("normalize", $"{file.Layout.Problem} (header: {string.Join(",", file.Layout.Header)})",
                "Point 'location' at a FAOSTAT download: a bulk zip, a bulk normalized or wide CSV, a web download " +
                "(FAOSTAT_data_en_*.csv) or a Detailed Trade Matrix CSV.", sourceId, file.Display, 1, file.Layout.MissingColumn);
        }
        foreach (var group in files.Where(f => f.Layout.IsData).GroupBy(f => f.Group))
        {
            var best = group.Min(f => Rank(f.Layout.Kind));
            foreach (var f in group)
            {
                if (Rank(f.Layout.Kind) == best) data.Add(f);
                else ignored.Add((f, $"another copy of the same data is read ({FaostatLayout.Describe(group.First(g => Rank(g.Layout.Kind) == best).Layout.Kind)})"));
            }
        }
        foreach (var f in files.Where(f => f.Layout.Kind == FaostatLayoutKind.Sidecar)) ignored.Add((f, "a code list"));
        foreach (var (f, why) in ignored) Log.Information("{Source}: not reading {File}: {Why}", sourceId, f.Display, why);
        return new FaostatSelection(data, files.Where(f => f.Layout.Kind == FaostatLayoutKind.Flags).ToList(), ignored);
    }

    static int Rank(FaostatLayoutKind kind) => kind switch
    {
        FaostatLayoutKind.Normalized or FaostatLayoutKind.Web or FaostatLayoutKind.TradeMatrix => 0,
        FaostatLayoutKind.Wide => 1,
        _ => 2,
    };

    static FaostatFile Classify(string display, string name, string group, Func<Stream> open)
    {
        IReadOnlyList<string> header;
        try
        {
            header = FaostatLayout.ReadHeader(open);
        }
        catch (InvalidDataException)
        {
            header = [];
        }
        return new FaostatFile(display, name, group, open, FaostatLayout.Detect(header));
    }

    /// <summary><c>Prices_E_All_Data_(Normalized).csv</c>, <c>Prices_E_All_Data.csv</c> and <c>Prices_E_All_Data_NOFLAG.csv</c> → <c>Prices_E_All_Data</c>.</summary>
    public static string Stem(string name) => CopySuffix().Replace(Path.GetFileNameWithoutExtension(name), "");

    /// <summary>The FAOSTAT domain a bulk file name stands for (<c>Production_Crops_Livestock_E_All_Data…</c> → QCL), or null.</summary>
    public static string? DomainFromName(string name)
    {
        var stem = Stem(name);
        var i = stem.IndexOf("_E_", StringComparison.OrdinalIgnoreCase);
        var key = (i > 0 ? stem[..i] : stem).ToLowerInvariant();
        return key switch
        {
            "production_crops_livestock" => "QCL",
            "production_crops" => "QC",
            "production_livestock" => "QL",
            "prices" => "PP",
            "trade_cropslivestock" or "trade_crops_livestock" => "TCL",
            "trade_detailedtradematrix" => "TM",
            _ => null,
        };
    }

    [GeneratedRegex(@"_\(normalized\)$|_noflag$", RegexOptions.IgnoreCase)]
    private static partial Regex CopySuffix();
}
