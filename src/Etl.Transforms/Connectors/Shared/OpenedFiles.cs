namespace ClusterEtl.Transforms.Connectors.Shared;

/// <summary>
/// The archives and streams a normalizer opened to read a download (<see cref="DownloadFiles.Open"/> adds them), closed
/// together when the normalizer is done, whatever happened: <c>using var opened = new OpenedFiles();</c>.
/// </summary>
public sealed class OpenedFiles : IDisposable
{
    public List<IDisposable> Items { get; } = [];

    public void Dispose()
    {
        foreach (var d in Items) d.Dispose();
        Items.Clear();
    }
}
