using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>An invalid definition file: names the file and the field, before any work starts.</summary>
public sealed class DefinitionException(string file, string field, string problem)
    : PipelineException("validate", $"field '{field}': {problem}",
        "Fix the definition file and run again (`validate` checks definitions without running).", file: file)
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;

    /// <summary>Every problem found in one pass (this one first); <c>validate</c> prints them all.</summary>
    public IReadOnlyList<DefinitionException> All { get; private init; } = [];

    /// <summary>The first problem, saying how many more there are, carrying them all.</summary>
    public static DefinitionException Of(IReadOnlyList<DefinitionException> problems)
    {
        if (problems.Count == 1) return problems[0] is { All.Count: > 0 } one ? one : new DefinitionException(problems[0]) { All = problems };
        var first = problems[0];
        return new DefinitionException(first.FilePath!, first.Field,
            $"{first.Problem} (and {problems.Count - 1} more problem(s): `validate` lists them all)") { All = problems };
    }

    DefinitionException(DefinitionException e) : this(e.FilePath!, e.Field, e.Problem)
    {
    }
}
