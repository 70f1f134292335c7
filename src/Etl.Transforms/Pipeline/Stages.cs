namespace ClusterEtl.Transforms.Pipeline;

/// <summary>The stages of a run, in order: the one list the run, the jobs, the ledger and the warehouse use.</summary>
public static class Stages
{
    public static readonly IReadOnlyList<string> Names = [PullStage.Name, NormalizeStage.Name, TransformStage.Name, PublishStage.Name];
}
