namespace ClusterEtl.Transforms.Connectors.Inegi;

/// <summary>INEGI's geographic keys (state 2 digits, municipality 3, locality 4) as the files give them.</summary>
public static class InegiKeys
{
    /// <summary>Digits only, 1 to <paramref name="width"/> of them, padded back to the width (files re-saved
    /// by spreadsheets lose leading zeros: 6 for 06); null otherwise.</summary>
    public static string? Key(string text, int width)
    {
        var t = text.Trim();
        if (t.Length is 0 || t.Length > width || !t.All(char.IsAsciiDigit)) return null;
        return t.PadLeft(width, '0');
    }
}
