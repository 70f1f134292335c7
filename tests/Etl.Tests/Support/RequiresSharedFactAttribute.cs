namespace ClusterEtl.Tests.Support;

/// <summary>
/// A test that reads the real extracts in <c>../shared/data/real/</c>: reported as skipped, with the reason, on a clone
/// without that folder beside it (CI has it, and <c>.ci/run</c> fails when it is missing there).
/// </summary>
public sealed class RequiresSharedFactAttribute : FactAttribute
{
    public RequiresSharedFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(Repo.Shared, "data", "real")))
            Skip = $"needs the real extracts in {Path.Combine(Repo.Shared, "data", "real")} (the shared folder beside the repository), which is absent";
    }
}
