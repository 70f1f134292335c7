using System.Text;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Opens a BACI download, either a release zip (yearly <c>t,i,j,k,v,q</c> CSVs plus its country and product
/// code files) or a single CSV, and classifies its files by header. A release is a contract: every entry named like a
/// yearly data file must be one (UTF-8 text with exactly the header t,i,j,k,v,q) or the source fails naming the entry,
/// and an entry that is not part of a release (not data, country or product codes, or a readme) is refused with its
/// name. A zip that cannot be read (truncated download) is a clear error naming the file.
/// </summary>
public static partial class BaciFiles
{
    public static readonly string[] DataHeader = ["t", "i", "j", "k", "v", "q"];

    public static IReadOnlyList<BaciFile> Open(string path, string displayName, string sourceId, List<IDisposable> owned)
    {
        var files = new List<BaciFile>();
        foreach (var e in DownloadFiles.Open(path, displayName, sourceId, owned))
        {
            if (e.InZip && Readme().IsMatch(e.Name)) continue;
            var open = e.InZip ? () => DownloadFiles.OpenEntryAlone(path, e.FullName) : e.Open;
            var file = Classify(e.Display, e.Name, open) with { Length = e.Length };
            if (e.InZip && DataName().IsMatch(e.Name) && file.Role != BaciFileRole.Data)
                throw new PipelineException("normalize", $"{e.Name} is named like a yearly BACI data file but {Problem(e, open)}",
                    "The release is damaged: download it again (a release is read whole or not at all).", sourceId, e.Display, 1);
            if (e.InZip && file.Role == BaciFileRole.Other)
                throw new PipelineException("normalize",
                    $"{e.FullName} is not part of a BACI release (yearly BACI_<vintage>_Y<year>_V<version>.csv, country_codes, " +
                    "product_codes and a readme)", "Use the release as CEPII publishes it, or take the file out of the zip.", sourceId, e.Display);
            files.Add(file);
        }
        return files;
    }

    /// <summary>What is wrong with an entry named like data: empty, not UTF-8, or the header it has instead.</summary>
    static string Problem(DownloadEntry e, Func<Stream> open)
    {
        if (e.Length == 0) return "is empty (0 bytes)";
        var start = new byte[4];
        int n;
        using (var s = open()) n = s.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (n >= 2 && (start[0], start[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) || start.AsSpan(0, n).Contains((byte)0))
            return "is UTF-16 text, not the UTF-8 of a release";
        var header = HeaderNames(open);
        var missing = DataHeader.Except(header).ToList();
        var extra = header.Except(DataHeader).ToList();
        return missing.Count == 0 && extra.Count == 0
            ? $"its header is '{string.Join(",", header)}', not t,i,j,k,v,q in that order"
            : $"its header '{string.Join(",", header)}' {string.Join(" and ", new[]
                {
                    missing.Count > 0 ? $"lacks {string.Join(", ", missing)}" : null,
                    extra.Count > 0 ? $"has the extra column(s) {string.Join(", ", extra)}" : null,
                }.OfType<string>())} (a data file has exactly t,i,j,k,v,q)";
    }

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
            return first.Length == 0 ? [] : first.Split(',').Select(h => h.Trim().Trim('"').Trim().ToLowerInvariant()).ToArray();
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

    /// <summary>A yearly data file's name: BACI_HS92_Y1999_V202201.csv (version letters allowed: V202401b).</summary>
    [GeneratedRegex(@"^BACI_HS\d\d_Y\d{4}_V\w+\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex DataName();

    [GeneratedRegex(@"^readme", RegexOptions.IgnoreCase)]
    private static partial Regex Readme();
}
