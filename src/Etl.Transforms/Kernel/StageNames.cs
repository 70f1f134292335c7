namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// The stages of a run, in order: the one list the run, the jobs, the ledger and the warehouse use. The stage classes take
/// their names from here, so the ledger (which names its files after the stages) does not depend on the stages.
/// </summary>
public static class StageNames
{
    public const string Pull = "pull";
    public const string Normalize = "normalize";
    public const string Transform = "transform";
    public const string Publish = "publish";

    public static readonly IReadOnlyList<string> InOrder = [Pull, Normalize, Transform, Publish];
}
