using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>
/// Reads DENUE's <c>per_ocu</c> bands: "0 a 5 personas", "6 a 10 personas", "11 a 30 personas",
/// "31 a 50 personas", "51 a 100 personas", "101 a 250 personas" and the open "251 y más personas".
/// Case, extra spaces and a "más" that lost its accent are tolerated, and the wordings of older releases ("De 0 a 5
/// personas", "251 o más personas", "Más de 250 personas"); any other text is not a band.
/// </summary>
public static partial class DenueSizeBands
{
    /// <summary>Midpoint of the open top band as a multiple of its lower bound.</summary>
    public const double OpenBandFactor = 1.5;

    public static readonly IReadOnlyList<DenueSizeBand> Published =
    [
        new("0 a 5 personas", 0, 5, 2.5),
        new("6 a 10 personas", 6, 10, 8),
        new("11 a 30 personas", 11, 30, 20.5),
        new("31 a 50 personas", 31, 50, 40.5),
        new("51 a 100 personas", 51, 100, 75.5),
        new("101 a 250 personas", 101, 250, 175.5),
        new("251 y más personas", 251, null, 251 * OpenBandFactor),
    ];

    /// <summary>The band of a <c>per_ocu</c> text, or null when it is not one of the published bands.</summary>
    public static DenueSizeBand? Parse(string text)
    {
        // Older releases word the bands differently: "De 0 a 5 personas", "251 o más personas", "Más de 250 personas".
        var t = Spaces().Replace(text.Trim(), " ").ToLowerInvariant();
        if (t.StartsWith("de ", StringComparison.Ordinal)) t = t[3..];
        var above = MoreThan().Match(t);
        if (above.Success)
            return Published.FirstOrDefault(b => b.Low == int.Parse(above.Groups[1].Value, CultureInfo.InvariantCulture) + 1 && b.High is null);
        var closed = Closed().Match(t);
        if (closed.Success)
        {
            var low = int.Parse(closed.Groups[1].Value, CultureInfo.InvariantCulture);
            var high = int.Parse(closed.Groups[2].Value, CultureInfo.InvariantCulture);
            return Published.FirstOrDefault(b => b.Low == low && b.High == high);
        }
        var open = Open().Match(t);
        if (open.Success)
        {
            var low = int.Parse(open.Groups[1].Value, CultureInfo.InvariantCulture);
            return Published.FirstOrDefault(b => b.Low == low && b.High is null);
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^m[aá]s de (\d+) personas$")]
    private static partial Regex MoreThan();

    [GeneratedRegex(@"^(\d+) a (\d+) personas$")]
    private static partial Regex Closed();

    [GeneratedRegex(@"^(\d+) [yo] m[aá]s personas$")]
    private static partial Regex Open();
}
