namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// What changed in a relation (a lake table, a reference table, a model) since the previous build: nothing, some
/// years (of a year-partitioned relation), or everything. Drives which models, and which of their years, a build
/// recomputes.
/// </summary>
public sealed record Change
{
    public static readonly Change None = new(false, new SortedSet<int>());
    public static readonly Change Everything = new(true, new SortedSet<int>());

    Change(bool all, IReadOnlySet<int> years)
    {
        All = all;
        Years = years;
    }

    /// <summary>The whole relation changed (or may have: an unpartitioned one, new SQL).</summary>
    public bool All { get; }
    /// <summary>The years that changed, when not <see cref="All"/>.</summary>
    public IReadOnlySet<int> Years { get; }

    public bool IsNone => !All && Years.Count == 0;

    public static Change OfYears(IEnumerable<int> years)
    {
        var set = new SortedSet<int>(years);
        return set.Count == 0 ? None : new Change(false, set);
    }

    public Change Union(Change other) =>
        All || other.All ? Everything : OfYears(Years.Concat(other.Years));

    /// <summary>The years whose rows read a changed year when each year reads <paramref name="lookback"/> years back.</summary>
    public Change LookedBackBy(int lookback) =>
        All || lookback == 0 ? this : OfYears(Years.SelectMany(y => Enumerable.Range(y, lookback + 1)));

    /// <summary>"all", "none" or the years ("2001, 2002").</summary>
    public override string ToString() => All ? "all" : IsNone ? "none" : string.Join(", ", Years);
}
