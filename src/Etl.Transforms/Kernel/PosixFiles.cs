using System.Runtime.InteropServices;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// The two file operations .NET does not offer as such: renaming a symbolic link over another in one step (what
/// makes switching the published build atomic), and hard links (a published file shared by two builds, stored once).
/// </summary>
public static class PosixFiles
{
    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing it atomically (rename(2)), links included.</summary>
    public static void Rename(string from, string to)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(to) && new DirectoryInfo(to).LinkTarget is null) throw new IOException($"{to} is a folder");
            if (Path.Exists(to)) File.Delete(to);
            Directory.Move(from, to);
            return;
        }
        if (rename(from, to) != 0)
            throw new IOException($"cannot rename {from} to {to} (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Makes <paramref name="to"/> a hard link to <paramref name="from"/>, or a copy where links are not possible.</summary>
    public static void LinkOrCopy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (OperatingSystem.IsWindows() || link(from, to) != 0) File.Copy(from, to);
    }

    /// <summary>Points <paramref name="link"/> at <paramref name="target"/> (relative to the link's folder), replacing what is there atomically.</summary>
    public static void PointLink(string link, string target)
    {
        var tmp = $"{link}.tmp-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        File.CreateSymbolicLink(tmp, target);
        Rename(tmp, link);
    }

    [DllImport("libc", SetLastError = true)]
    static extern int rename(string oldpath, string newpath);

    [DllImport("libc", SetLastError = true)]
    static extern int link(string oldpath, string newpath);
}
