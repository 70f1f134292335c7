namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// Keeps text from the inputs to a readable size where it is shown or stored (error lines, logs, quarantine rows): a
/// 10 MB field must not become a 10 MB error line. What is cut says how long the whole was.
/// </summary>
public static class TextCap
{
    public const int MaxChars = 1024;

    public static string Cap(string text, int max = MaxChars) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length:N0} characters in all)";
}
