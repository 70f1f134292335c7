using ClusterEtl.Transforms.Kernel;
using Hangfire;
using Hangfire.Storage;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// Retry policy of the long-lived service: transient failures (network, timeouts, a lost database
/// connection, a lock held too long) are retried with exponential backoff; bad input is not, because it
/// fails the same way every time.
/// </summary>
public static class ServiceFilters
{
    public static readonly Type[] Transient =
    [
        typeof(TransientPipelineException), typeof(HttpRequestException), typeof(TimeoutException),
        typeof(IOException), typeof(DistributedLockTimeoutException), typeof(Npgsql.NpgsqlException),
    ];

    public static AutomaticRetryAttribute Retry() => new()
    {
        Attempts = 5,
        DelaysInSeconds = [15, 60, 240, 960, 3840],
        OnlyOn = Transient,
        OnAttemptsExceeded = AttemptsExceededAction.Fail,
    };

    /// <summary>Replaces Hangfire's default retry filter (10 attempts on any exception) in this process.</summary>
    public static void Install()
    {
        foreach (var f in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList())
            GlobalJobFilters.Filters.Remove(f.Instance);
        GlobalJobFilters.Filters.Add(Retry());
    }
}
