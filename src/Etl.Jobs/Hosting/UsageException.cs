namespace ClusterEtl.Jobs.Hosting;

/// <summary>A bad command line (exit code 2): its message is the one line printed after "error: ".</summary>
public sealed class UsageException(string message) : Exception(message);
