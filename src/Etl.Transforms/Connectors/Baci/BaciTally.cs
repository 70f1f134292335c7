namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// What reading BACI data files counted besides the flows: rows and value per year and exporter (the denominators of
/// the quarantine limits), exact duplicate flows dropped, flows given twice with different values, and whether the
/// duplicates could all be seen on the way (files sorted by exporter, importer and product, as CEPII writes them).
/// Counted per exporter code in arrays, not by name in dictionaries: this runs for each of a release's 250 million rows.
/// </summary>
public sealed class BaciTally
{
    const int Codes = 1024;
    readonly Dictionary<int, (long Rows, double[] ValueByCode)> _years = [];
    int _year = int.MinValue;
    (long Rows, double[] ValueByCode) _current;

    public long DuplicatesDropped { get; set; }
    public long Conflicts { get; set; }
    /// <summary>The first flows given twice with different values: where and what.</summary>
    public List<string> ConflictExamples { get; } = [];
    /// <summary>A file was not sorted (or a year spread over files): duplicates must be looked for in the output.</summary>
    public bool NeedsDuplicateCheck { get; set; }

    public IReadOnlyCollection<int> Years
    {
        get
        {
            Settle();
            return _years.Keys;
        }
    }

    /// <param name="exporterCode">The BACI code of the exporter (codes of 1024 and above are counted in rows only).</param>
    public void AddFlow(int year, int exporterCode, double valueUsd)
    {
        if (year != _year)
        {
            if (_year != int.MinValue) _years[_year] = _current;
            _current = _years.TryGetValue(year, out var known) ? known : (0, new double[Codes]);
            _year = year;
        }
        _current.Rows++;
        if ((uint)exporterCode < Codes) _current.ValueByCode[exporterCode] += valueUsd;
    }

    void Settle()
    {
        if (_year != int.MinValue) _years[_year] = _current;
    }

    /// <summary>Rows of flows per year.</summary>
    public Dictionary<int, long> RowsByYear()
    {
        Settle();
        return _years.ToDictionary(y => y.Key, y => y.Value.Rows);
    }

    /// <summary>Value of flows per exporter (ISO3, through <paramref name="country"/>) and year.</summary>
    public Dictionary<(int Year, string Reporter), double> ValueByReporterYear(Func<int, string?> country)
    {
        Settle();
        var values = new Dictionary<(int, string), double>();
        foreach (var (year, (_, byCode)) in _years)
            for (var code = 0; code < Codes; code++)
                if (byCode[code] != 0 && country(code) is { } iso3)
                    values[(year, iso3)] = values.GetValueOrDefault((year, iso3)) + byCode[code];
        return values;
    }

    /// <summary>Adds what another file's reading counted (files are put together in file order).</summary>
    public void Absorb(BaciTally other)
    {
        Settle();
        other.Settle();
        foreach (var (year, (rows, byCode)) in other._years)
        {
            var (mine, values) = _years.TryGetValue(year, out var known) ? known : (0, new double[Codes]);
            for (var code = 0; code < Codes; code++) values[code] += byCode[code];
            _years[year] = (mine + rows, values);
        }
        _year = int.MinValue;
        DuplicatesDropped += other.DuplicatesDropped;
        Conflicts += other.Conflicts;
        ConflictExamples.AddRange(other.ConflictExamples.Take(3 - ConflictExamples.Count));
        NeedsDuplicateCheck |= other.NeedsDuplicateCheck;
    }
}
