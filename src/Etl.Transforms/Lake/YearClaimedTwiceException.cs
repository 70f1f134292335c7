namespace ClusterEtl.Transforms.Lake;

/// <summary>Two input files hold rows of the same year, so they cannot be written at once.</summary>
public sealed class YearClaimedTwiceException(int year) : Exception($"year {year} is in more than one input file")
{
    public int Year { get; } = year;
}
