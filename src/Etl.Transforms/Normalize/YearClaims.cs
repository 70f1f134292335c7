namespace ClusterEtl.Transforms.Normalize;

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

/// <summary>Two input files hold rows of the same year, so they cannot be written at once.</summary>
public sealed class YearClaimedTwiceException(int year) : Exception($"year {year} is in more than one input file")
{
    public int Year { get; } = year;
}
