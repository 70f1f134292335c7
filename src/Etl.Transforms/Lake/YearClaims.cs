namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// The years that the writers of one output folder have opened, when several write at once (one per input file): a
/// year file can have only one writer, so a second claim of a year throws <see cref="YearClaimedTwiceException"/>.
/// Thread-safe.
/// </summary>
public sealed class YearClaims
{
    readonly HashSet<int> _years = [];

    public void Claim(int year)
    {
        lock (_years)
            if (!_years.Add(year)) throw new YearClaimedTwiceException(year);
    }
}
