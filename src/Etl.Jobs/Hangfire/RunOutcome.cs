using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>The outcome of a run: success, or the stage that failed with its one-line reason.</summary>
public sealed record RunOutcome(bool Succeeded, string RunId, IReadOnlyList<StageReport> Stages, string? FailedStage, string? Error);
