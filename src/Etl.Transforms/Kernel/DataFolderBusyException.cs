namespace ClusterEtl.Transforms.Kernel;

/// <summary>The data folder is held by another run; <see cref="Owner"/> says which, when it could be read.</summary>
public sealed class DataFolderBusyException(string dataDir, DataFolderOwner? owner, TimeSpan waited) : PipelineException("lock",
    owner is null
        ? $"the data folder {dataDir} is in use by another ClusterEtl process"
        : $"the data folder {dataDir} is in use by run {owner.RunId} ({owner.Purpose}) of process {owner.Pid} on {owner.Host}, since {owner.Since:u}",
    waited > TimeSpan.Zero
        ? $"Still busy after waiting {waited.TotalSeconds:0} s. Run again later, or with a longer --wait."
        : "Run again when it has finished, or pass --wait SECONDS to wait for it. A lock of a process that died is released by the system.")
{
    public DataFolderOwner? Owner { get; } = owner;
}
