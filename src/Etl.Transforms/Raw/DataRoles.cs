namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// Which pulled files of a source are its data: role <c>data</c>, or <c>data:&lt;file name&gt;</c> for a source pulled as several
/// files (a folder, API pages). Other roles are side files (<c>country_codes</c>, …). Read in role order: <c>data</c> first,
/// then by file name. The one definition the pull, the normalizers and the extract id share.
/// </summary>
public static class DataRoles
{
    public const string Data = "data";
    const string Prefix = "data:";

    /// <summary>The role of one file of a source pulled as several.</summary>
    public static string Of(string fileName) => Prefix + fileName;

    public static bool IsData(string role) => role == Data || role.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The data files among <paramref name="files"/>, in role order.</summary>
    public static List<T> InOrder<T>(IEnumerable<T> files, Func<T, string> role) =>
        files.Where(f => IsData(role(f))).OrderBy(role, StringComparer.Ordinal).ToList();
}
