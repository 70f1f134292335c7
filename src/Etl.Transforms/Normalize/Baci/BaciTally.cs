namespace ClusterEtl.Transforms.Normalize.Baci;

/// <summary>
/// What reading BACI data files counted besides the flows: rows and value per year and exporter (the denominators of
/// the quarantine limits), exact duplicate flows dropped, flows given twice with different values, and whether the
/// duplicates could all be seen on the way (files sorted by exporter, importer and product, as CEPII writes them).
/// </summary>
public sealed class BaciTally
{
    public Dictionary<int, long> RowsByYear { get; } = [];
    public Dictionary<(int Year, string Reporter), double> ValueByReporterYear { get; } = [];
    public long DuplicatesDropped { get; set; }
    public long Conflicts { get; set; }
    /// <summary>The first flows given twice with different values: where and what.</summary>
    public List<string> ConflictExamples { get; } = [];
    /// <summary>A file was not sorted (or a year spread over files): duplicates must be looked for in the output.</summary>
    public bool NeedsDuplicateCheck { get; set; }

    public void AddFlow(int year, string? reporterIso3, double valueUsd)
    {
        RowsByYear[year] = RowsByYear.GetValueOrDefault(year) + 1;
        if (reporterIso3 is not null)
            ValueByReporterYear[(year, reporterIso3)] = ValueByReporterYear.GetValueOrDefault((year, reporterIso3)) + valueUsd;
    }

    /// <summary>Adds what another file's reading counted (files are put together in file order).</summary>
    public void Absorb(BaciTally other)
    {
        foreach (var (y, n) in other.RowsByYear) RowsByYear[y] = RowsByYear.GetValueOrDefault(y) + n;
        foreach (var (k, v) in other.ValueByReporterYear) ValueByReporterYear[k] = ValueByReporterYear.GetValueOrDefault(k) + v;
        DuplicatesDropped += other.DuplicatesDropped;
        Conflicts += other.Conflicts;
        ConflictExamples.AddRange(other.ConflictExamples.Take(3 - ConflictExamples.Count));
        NeedsDuplicateCheck |= other.NeedsDuplicateCheck;
    }
}
