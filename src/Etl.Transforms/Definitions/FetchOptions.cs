namespace ClusterEtl.Transforms.Definitions;

/// <summary>How a remote location is downloaded.</summary>
/// <param name="Timeout">Time allowed for one attempt, the whole body included.</param>
/// <param name="Attempts">Attempts in all (1 = no retry) for timeouts, HTTP 408/429/5xx and dropped connections.</param>
/// <param name="RetryDelay">Delay before the first retry; doubled for each further one.</param>
public sealed record FetchOptions(TimeSpan Timeout, int Attempts, TimeSpan RetryDelay)
{
    public static readonly FetchOptions Default = new(TimeSpan.FromMinutes(30), 3, TimeSpan.FromSeconds(2));
}
