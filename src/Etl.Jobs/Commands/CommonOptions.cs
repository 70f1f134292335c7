using System.CommandLine;
using System.CommandLine.Parsing;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// The options several commands take, made anew for each command that takes them (a command refuses the options it
/// does not declare), with the values checked while parsing so a bad value is a usage error (exit code 2).
/// </summary>
public static class CommonOptions
{
    /// <summary><c>-v</c>: debug logging, and stack traces on the console. Declared once on the root, for every command.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Debug logging, and the stack trace of a failure on the console (it is always in the log file)",
        Recursive = true,
    };

    public static Option<string> Pipelines() =>
        Folder("--pipelines", "pipelines", "Folder of definitions: sources/, clusters/, schedule.json");

    public static Option<string> DataDir() =>
        Folder("--data-dir", "data", "Receives raw/, lake/, warehouse/clusters.duckdb, runs/, logs/");

    public static Option<string> Sql() =>
        Folder("--sql", Path.Combine(AppContext.BaseDirectory, "sql"), "Folder of SQL models; by default the sql/ shipped with the program");

    public static Option<int> Wait() =>
        Number("--wait", 0, 86_400, 0, "SECONDS",
            "When another run holds the data folder, wait up to this long for it (0: exit with code 3 at once, saying who holds it)");

    /// <summary>A folder option; its value is made absolute.</summary>
    static Option<string> Folder(string name, string defaultPath, string description) => new(name)
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.GetFullPath(defaultPath),
        CustomParser = r => Path.GetFullPath(r.Tokens[^1].Value),
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Number(string name, int min, int max, int defaultValue, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseNumber(r, name, min, max) ?? defaultValue,
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when not given.</summary>
    public static Option<int?> OptionalNumber(string name, int min, int max, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => ParseNumber(r, name, min, max),
    };

    static int? ParseNumber(ArgumentResult r, string name, long min, long max)
    {
        var text = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) &&
            n >= min && n <= max)
            return n;
        r.AddError($"{name} takes a whole number from {min} to {max}, not '{text}'");
        return null;
    }
}
