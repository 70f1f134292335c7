using ClusterEtl.Transforms.Pipeline;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>An invalid definition file: names the file and the field, before any work starts.</summary>
public sealed class DefinitionException(string file, string field, string problem)
    : PipelineException("validate", $"field '{field}': {problem}",
        "Fix the definition file and run again (`validate` checks definitions without running).", file: file)
{
    public string Field { get; } = field;
}
