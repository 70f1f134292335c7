using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Stages;
using Hangfire.Common;

namespace ClusterEtl.Tests.Jobs;

/// <summary>What lets the same jobs run later on other workers with PostgreSQL storage.</summary>
public sealed class JobContractTests
{
    [Fact]
    public void The_job_argument_survives_Hangfire_serialisation()
    {
        var request = new RunRequest("20261122T101500Z-abc123", "/srv/pipelines", "/srv/data", "/srv/sql", Force: true,
            Sources: ["baci_hs92", "faostat_qcl"]);

        var json = SerializationHelper.Serialize(request, SerializationOption.User);
        var back = SerializationHelper.Deserialize<RunRequest>(json, SerializationOption.User);

        Assert.Equal(request with { Sources = null }, back with { Sources = null });
        Assert.Equal(["baci_hs92", "faostat_qcl"], back.Sources!);
    }

    [Theory]
    [InlineData(typeof(ClusterEtl.Jobs.Hangfire.PullJob))]
    [InlineData(typeof(ClusterEtl.Jobs.Hangfire.NormalizeJob))]
    [InlineData(typeof(ClusterEtl.Jobs.Hangfire.TransformJob))]
    [InlineData(typeof(ClusterEtl.Jobs.Hangfire.PublishJob))]
    public void Jobs_take_only_the_run_request_and_what_Hangfire_supplies(Type job)
    {
        var method = job.GetMethod("RunAsync")!;

        Assert.All(method.GetParameters(), p => Assert.True(p.ParameterType == typeof(RunRequest) || p.ParameterType == typeof(CancellationToken) ||
            p.ParameterType == typeof(Hangfire.Server.PerformContext)));
        Assert.NotNull(job.GetConstructor(Type.EmptyTypes)); // Hangfire's default activator can create it anywhere
    }
}
