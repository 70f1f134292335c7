namespace ClusterEtl.Tests.Support;

/// <summary>Paths of the repository (found from the test binary) and of ../shared beside it.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    public static string Pipelines => Path.Combine(Root, "pipelines");
    public static string Sql => Path.Combine(Root, "sql");
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClusterEtl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClusterEtl.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies a folder (used to run on a private copy of the bundled pipelines).</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(d.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, f.Replace(from, to), true);
    }
}
