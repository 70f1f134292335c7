using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The quarantined rows (<c>staging.stg_quarantine</c>) the data-quality panels show, read from the lake in one query for the
/// whole site: per source and reporter, how many rows and the first <see cref="Shown"/> of them (by file and line).
/// </summary>
public sealed class QuarantineDigest
{
    /// <summary>Rows shown per cluster; the panel says how many more there are.</summary>
    public const int Shown = 20;

    readonly List<(string Source, string? Reporter, long Count, List<object?[]> First)> _groups;

    QuarantineDigest(List<(string, string?, long, List<object?[]>)> groups, string? error)
    {
        _groups = groups;
        Error = error;
    }

    /// <summary>Why the quarantine could not be read (the lake is not where the warehouse was built), or null.</summary>
    public string? Error { get; }

    public static QuarantineDigest Read(DuckDBConnection c)
    {
        try
        {
            var rows = c.Rows($"""
                SELECT source_id, reporter_iso3, count(*) OVER (PARTITION BY source_id, reporter_iso3), file, line, column_name, reason
                FROM staging.stg_quarantine
                QUALIFY row_number() OVER (PARTITION BY source_id, reporter_iso3 ORDER BY file, line) <= {Shown}
                ORDER BY 1, 2, 4, 5
                """);
            return new QuarantineDigest(rows.GroupBy(r => ((string)r[0]!, (string?)r[1]))
                .Select(g => (g.Key.Item1, g.Key.Item2, Convert.ToInt64(g.First()[2]), g.Select(r => new[] { r[0], r[3], r[4], r[5], r[6] }).ToList()))
                .ToList(), null);
        }
        catch (DuckDBException e)
        {
            // The quarantine is read from the lake where the warehouse was built; a copied warehouse may not see it.
            return new QuarantineDigest([], e.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// How many rows of the sources <paramref name="include"/> accepts (given source id and reporter) were quarantined, and the
    /// first of them by source, file and line: source, file, line, column, reason.
    /// </summary>
    public (long Total, List<object?[]> Rows) Select(Func<string, string?, bool> include)
    {
        var groups = _groups.Where(g => include(g.Source, g.Reporter)).ToList();
        var rows = groups.SelectMany(g => g.First)
            .OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (string?)r[1], StringComparer.Ordinal).ThenBy(r => Convert.ToInt64(r[2]))
            .Take(Shown).ToList();
        return (groups.Sum(g => g.Count), rows);
    }
}
