namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// A failure caused by the inputs or the definitions (not by a bug): it names the stage, the source,
/// the file and, where known, the line and column, and says what the user can do about it.
/// Its <see cref="Exception.Message"/> is the one-line reason the CLI prints.
/// </summary>
public class PipelineException : Exception
{
    public PipelineException(string stage, string what, string hint,
        string? source = null, string? file = null, long? line = null, string? column = null, Exception? inner = null)
        : base(Compose(stage, what, hint, source, file, line, column), inner)
    {
        Stage = stage;
        What = what;
        Hint = hint;
        Source = source;
        FilePath = file is null ? null : SecretRedactor.Redact(file);
        Line = line;
        Column = column;
    }

    public string Stage { get; }
    public string What { get; }
    public string Hint { get; }
    public new string? Source { get; }
    public string? FilePath { get; }
    public long? Line { get; }
    public string? Column { get; }

    /// <summary>Whether retrying the same work could succeed (network trouble), as opposed to bad input.</summary>
    public virtual bool IsTransient => false;

    static string Compose(string stage, string what, string hint, string? source, string? file, long? line, string? column)
    {
        var where = new List<string>();
        if (source is not null) where.Add($"source {source}");
        if (file is not null)
        {
            // A file may be a location the user gave (a URL with a password or a token): never shown as it is.
            var at = SecretRedactor.Redact(file);
            if (line is not null) at += $", line {line}";
            if (column is not null) at += $", column '{column}'";
            where.Add(at);
        }
        var place = where.Count > 0 ? $" [{string.Join("; ", where)}]" : "";
        return $"{stage} failed{place}: {TextCap.Cap(what)}. {hint}";
    }
}
