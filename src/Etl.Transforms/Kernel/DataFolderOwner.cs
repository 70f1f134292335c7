namespace ClusterEtl.Transforms.Kernel;

/// <summary>Who holds the data folder (<c>.clusteretl.lock.json</c> beside the lock file).</summary>
public sealed record DataFolderOwner(int Pid, string Host, string RunId, string Purpose, DateTimeOffset Since);
