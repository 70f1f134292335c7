using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Kernel;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;

namespace ClusterEtl.Tests.Service;

/// <summary>The service retries transient failures and never bad input, through a real Hangfire server.</summary>
public sealed class RetryPolicyTests
{
    public sealed class FailingJob
    {
        public void BadInput() => throw new PipelineException("normalize", "'abc' is not a number", "Fix the file.");
        public void NetworkDown() => throw new TransientPipelineException("pull", "HTTP 503", "Retry later.");
    }

    static async Task<string> FinalState(System.Linq.Expressions.Expression<Action<FailingJob>> job)
    {
        using var storage = new InMemoryStorage();
        var filters = new JobFilterCollection();
        filters.Add(ServiceFilters.Retry());
        var client = new BackgroundJobClient(storage, filters);
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, FilterProvider = filters }, storage);
        var id = client.Enqueue(job);
        using var connection = storage.GetConnection();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var state = connection.GetStateData(id)?.Name;
            if (state is "Failed" or "Scheduled") return state;
            await Task.Delay(50);
        }
        return "timeout";
    }

    [Fact]
    public async Task Bad_input_fails_at_once() => Assert.Equal("Failed", await FinalState(j => j.BadInput()));

    [Fact]
    public async Task A_transient_failure_is_scheduled_for_a_retry() => Assert.Equal("Scheduled", await FinalState(j => j.NetworkDown()));

    [Fact]
    public void Retries_back_off_exponentially()
    {
        // 15 s, then x4 each time: 60, 240, 960, 3840 s.
        Assert.Equal([15, 60, 240, 960, 3840], ServiceFilters.Retry().DelaysInSeconds);
    }
}
