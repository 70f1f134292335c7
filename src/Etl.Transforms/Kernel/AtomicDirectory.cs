namespace ClusterEtl.Transforms.Kernel;

/// <summary>Puts a finished folder where readers look, by renames, so they never see a half-written one.</summary>
public static class AtomicDirectory
{
    /// <summary>
    /// Moves <paramref name="incoming"/> to <paramref name="target"/>: the old target is renamed to
    /// <paramref name="parking"/> first, then deleted. Two renames: a reader may find no folder for a moment,
    /// never a partial one.
    /// </summary>
    public static void Replace(string incoming, string target, string parking)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.CreateDirectory(Path.GetDirectoryName(parking)!);
        if (Directory.Exists(parking)) Directory.Delete(parking, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, parking);
        Directory.Move(incoming, target);
        if (Directory.Exists(parking)) Directory.Delete(parking, recursive: true);
    }
}
