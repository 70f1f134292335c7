namespace ClusterEtl.Tests.Support;

/// <summary>
/// Tests that start `serve` processes and wait on their timing (kills, schedules, dashboards) run alone, not
/// beside the other test classes, so that CPU contention on a 2-core machine cannot stretch their waits.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestsCollection
{
    public const string Name = "serve processes";
}
