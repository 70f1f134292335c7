namespace ClusterEtl.Transforms.Kernel;

/// <summary>Edit distance, to suggest the closest known name or code in error messages.</summary>
public static class TextDistance
{
    /// <summary>Levenshtein distance, ignoring case.</summary>
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }

    /// <summary>The <paramref name="count"/> candidates closest to <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Closest(string text, IEnumerable<string> candidates, int count = 3) =>
        candidates.Distinct().OrderBy(c => Between(c, text)).ThenBy(c => c, StringComparer.Ordinal).Take(count).ToList();
}
