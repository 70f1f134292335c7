using System.Text;
using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Normalize.Baci;

/// <summary>What a CSV inside a BACI release is, recognised from its header (never from its name alone).</summary>
public enum BaciFileRole { Data, CountryCodes, ProductCodes, Other }

/// <summary>One CSV of a BACI release: a zip entry or a bare file. Each <see cref="Open"/> gives a stream of its own,
/// so that several files of one zip can be read at once.</summary>
public sealed record BaciFile(string DisplayName, string Name, BaciFileRole Role, Func<Stream> Open);

/// <summary>
/// Opens a BACI download, either a release zip (yearly <c>t,i,j,k,v,q</c> CSVs plus its country and product
/// code files) or a single CSV, and classifies its files by header. A zip that cannot be read (truncated
/// download) is a clear error naming the file.
/// </summary>
public static partial class BaciFiles
{
    public static readonly string[] DataHeader = ["t", "i", "j", "k", "v", "q"];

    public static IReadOnlyList<BaciFile> Open(string path, string displayName, string sourceId, List<IDisposable> owned) =>
        DownloadFiles.Open(path, displayName, sourceId, owned)
            .Where(DownloadFiles.IsCsv)
            .Select(e => Classify(e.Display, e.Name, e.InZip ? () => DownloadFiles.OpenEntryAlone(path, e.FullName) : e.Open))
            .ToList();

    static BaciFile Classify(string display, string name, Func<Stream> open)
    {
        var header = HeaderNames(open);
        var role = header.SequenceEqual(DataHeader) ? BaciFileRole.Data
            : header.Contains("country_code") && (header.Contains("iso_3digit_alpha") || header.Contains("country_iso3"))
                ? BaciFileRole.CountryCodes
                : header.SequenceEqual(["code", "description"]) ? BaciFileRole.ProductCodes
                : BaciFileRole.Other;
        return new BaciFile(display, name, role, open);
    }

    /// <summary>The first line's names, lower-cased, without BOM, quotes or spaces.</summary>
    public static string[] HeaderNames(Func<Stream> open)
    {
        try
        {
            using var s = open();
            var buffer = new byte[4096];
            var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF');
            var end = text.IndexOfAny(['\r', '\n']);
            var first = end < 0 ? text : text[..end];
            return first.Split(',').Select(h => h.Trim().Trim('"').Trim().ToLowerInvariant()).ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>The HS vintage in a BACI file name (<c>BACI_HS92_Y1999_V202201.csv</c> → HS92), or null.</summary>
    public static string? VintageFromName(string name)
    {
        var m = VintagePattern().Match(name);
        return m.Success ? m.Groups[1].Value.ToUpperInvariant() : null;
    }

    [GeneratedRegex(@"(?:^|[_\-])(HS\d\d)(?:[_\-.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex VintagePattern();
}
