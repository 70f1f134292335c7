using System.CommandLine;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// A bad command line as one line: the first problem, the closest option or command for a misspelled one
/// (<c>--forse</c> → <c>--force</c>), and where to read the command's usage.
/// </summary>
public static class UsageErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = CommandPath(parse);
        var help = command is RootCommand ? "see --help" : $"see `{name} --help`";
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-')) ?? parse.UnmatchedTokens[0];
            if (command is RootCommand)
            {
                token = parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) ?? token;
                var commands = command.Subcommands.Select(c => c.Name).ToList();
                return $"unknown command '{token}'{Suggestion(token, commands)} (commands: {string.Join(", ", commands)}, help); {help}";
            }
            if (token.StartsWith('-'))
                return $"unknown option '{token}' for {name}{Suggestion(token, OptionNames(parse))}; {help}";
            return $"unexpected argument '{token}' for {name}{Suggestion(token, command.Subcommands.Select(c => c.Name))}; {help}";
        }
        var missing = command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a)?.Tokens.Count ?? 0) == 0);
        if (missing is not null) return $"{name} needs {missing.Name}: {missing.Description} ({help})";
        return $"{parse.Errors[0].Message.TrimEnd('.')} ({help})";
    }

    /// <summary>" (did you mean --force?)" when a known name is within a third of the text's length in edits.</summary>
    static string Suggestion(string text, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        if (candidates.Count == 0) return "";
        var closest = TextDistance.Closest(text, candidates, 1)[0];
        return TextDistance.Between(text, closest) <= Math.Max(2, text.Length / 3) ? $" (did you mean {closest}?)" : "";
    }

    /// <summary>The options the command takes, with their aliases, and the recursive ones of its parents.</summary>
    static IEnumerable<string> OptionNames(ParseResult parse)
    {
        var options = parse.CommandResult.Command.Options.ToList();
        for (var p = parse.CommandResult.Parent as System.CommandLine.Parsing.CommandResult; p is not null;
             p = p.Parent as System.CommandLine.Parsing.CommandResult)
            options.AddRange(p.Command.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parse.CommandResult; r is System.CommandLine.Parsing.CommandResult c; r = r.Parent)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }
}
