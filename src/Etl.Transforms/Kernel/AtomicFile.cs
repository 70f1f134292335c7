namespace ClusterEtl.Transforms.Kernel;

/// <summary>Writes a file so that readers see either the old or the new content, never half of it.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
