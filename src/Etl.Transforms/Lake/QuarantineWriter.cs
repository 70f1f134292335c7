using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Lake;

/// <summary>
/// Collects rows that cannot be read and writes them to <c>lake/quarantine/source=&lt;id&gt;/quarantine.parquet</c>
/// (always written, empty when nothing was quarantined, so readers never miss the file). Keeps at most
/// <see cref="MaxKept"/> rows; the counts go on past that, by year and by reporter and year, for the source's limits.
/// </summary>
public sealed class QuarantineWriter(string sourceId, string extractId)
{
    /// <summary>The file of a source's quarantine under <c>lake/quarantine/source=&lt;id&gt;/</c>.</summary>
    public const string FileName = "quarantine.parquet";

    public const int MaxKept = 100_000;
    readonly List<QuarantinedRow> _rows = [];
    readonly Dictionary<int, long> _rowsByYear = [];
    readonly Dictionary<(int Year, string Reporter), double> _valueByReporterYear = [];

    public long Count { get; private set; }
    public IReadOnlyList<QuarantinedRow> Rows => _rows;

    public void Add(QuarantinedRow row)
    {
        Count++;
        if (row.Year is { } year)
        {
            _rowsByYear[year] = _rowsByYear.GetValueOrDefault(year) + 1;
            if (row.ReporterIso3 is { } reporter && row.ValueUsd is { } value)
                _valueByReporterYear[(year, reporter)] = _valueByReporterYear.GetValueOrDefault((year, reporter)) + value;
        }
        // A malformed row can be huge (a missing quote swallows the rest of the file): reason and excerpt are capped.
        if (_rows.Count < MaxKept) _rows.Add(row with { Reason = TextCap.Cap(row.Reason), RawRecord = TextCap.Cap(row.RawRecord) });
    }

    /// <summary>Adds the rows another writer collected (of a later file), as if they had been added here one by one.</summary>
    public void Absorb(QuarantineWriter later)
    {
        _rows.AddRange(later._rows.Take(MaxKept - _rows.Count));
        Count += later.Count;
        foreach (var (year, n) in later._rowsByYear) _rowsByYear[year] = _rowsByYear.GetValueOrDefault(year) + n;
        foreach (var (key, v) in later._valueByReporterYear) _valueByReporterYear[key] = _valueByReporterYear.GetValueOrDefault(key) + v;
    }

    /// <summary>
    /// Fails the source when more than its <c>max_quarantine_share</c> of <paramref name="rowsRead"/> rows
    /// (normalized + quarantined) were quarantined, naming the first offenders.
    /// </summary>
    /// <summary>
    /// What every normalizer does once it has read its files: writes the quarantine (always, even empty), fails the source
    /// when it read nothing at all (no rows and nothing quarantined: <paramref name="nothingRead"/>, with what to do), and
    /// enforces <c>max_quarantine_share</c> (<see cref="EnforceShare"/>).
    /// </summary>
    public async Task FinishAsync(string quarantineRoot, SourceDefinition source, long rows, string nothingRead, string hint, string file,
        CancellationToken ct)
    {
        await WriteAsync(quarantineRoot, ct);
        if (rows + Count == 0) throw new PipelineException("normalize", nothingRead, hint, source.Id, file);
        EnforceShare(source, rows + Count);
    }

    public void EnforceShare(SourceDefinition source, long rowsRead)
    {
        if (Count == 0 || Count <= source.MaxQuarantineShare * rowsRead) return;
        Fail(source, $"{Count:N0} of {rowsRead:N0} rows could not be read, more than max_quarantine_share {source.MaxQuarantineShare * 100:0.###}%",
            "max_quarantine_share", _rows);
    }

    /// <summary>
    /// The limits that see what a source-wide share hides: quarantined rows within a year (<c>max_quarantine_year_share</c>
    /// of the year's rows) and quarantined value within an exporter's year (<c>max_quarantine_value_share</c> of what the
    /// exporter shipped that year, read or estimated), after <see cref="EnforceShare"/>.
    /// </summary>
    /// <param name="rowsByYear">Rows normalized per year.</param>
    /// <param name="valueByReporterYear">Value normalized per reporter (ISO3) and year, USD; null where the source has none.</param>
    public void EnforceLimits(SourceDefinition source, long rowsRead, IReadOnlyDictionary<int, long> rowsByYear,
        IReadOnlyDictionary<(int Year, string Reporter), double>? valueByReporterYear)
    {
        EnforceShare(source, rowsRead);
        foreach (var (year, n) in _rowsByYear.OrderBy(x => x.Key))
        {
            var all = n + rowsByYear.GetValueOrDefault(year);
            if (n > source.MaxQuarantineYearShare * all)
                Fail(source, $"{n:N0} of the {all:N0} rows of {year} could not be read, more than max_quarantine_year_share " +
                             $"{source.MaxQuarantineYearShare * 100:0.###}% of the year", "max_quarantine_year_share", _rows.Where(r => r.Year == year));
        }
        if (valueByReporterYear is null) return;
        foreach (var ((year, reporter), lost) in _valueByReporterYear.OrderByDescending(x => x.Value).ThenBy(x => x.Key))
        {
            var all = lost + valueByReporterYear.GetValueOrDefault((year, reporter));
            if (lost > source.MaxQuarantineValueShare * all)
                Fail(source, $"rows worth {lost:N0} USD of {reporter}'s {year} exports ({lost / all * 100:0.#}% of {all:N0} USD) could not be read, " +
                             $"more than max_quarantine_value_share {source.MaxQuarantineValueShare * 100:0.###}%",
                    "max_quarantine_value_share", _rows.Where(r => r.Year == year && r.ReporterIso3 == reporter));
        }
    }

    void Fail(SourceDefinition source, string what, string setting, IEnumerable<QuarantinedRow> offenders)
    {
        var first = offenders.Take(3).ToList();
        var examples = string.Join("; ", first.Select(r => $"line {r.Line}{(r.Column is null ? "" : $" column {r.Column}")}: {r.Reason}"));
        throw new PipelineException("normalize", $"{what} (first: {examples})",
            $"Fix the extract (see lake/quarantine/source={source.Id}/), or raise {setting} in {source.DefinitionFile} to accept the loss.",
            source.Id, first.FirstOrDefault()?.File ?? _rows.FirstOrDefault()?.File);
    }

    /// <summary>The quarantine file's columns, in file order.</summary>
    public static ParquetColumn[] Columns() =>
    [
        new StringColumn("source", false), new StringColumn("extract_id", false), new StringColumn("file", false),
        new Int64Column("line"), new StringColumn("column", true), new StringColumn("reason", false), new StringColumn("raw_record", false),
        new NullableInt32Column("year"), new StringColumn("reporter_iso3", true), new StringColumn("product_code", true),
        new NullableDoubleColumn("value_usd"),
    ];

    public async Task WriteAsync(string root, CancellationToken ct)
    {
        var columns = Columns();
        var (source, extract, file, line, column, reason, raw) = ((StringColumn)columns[0], (StringColumn)columns[1],
            (StringColumn)columns[2], (Int64Column)columns[3], (StringColumn)columns[4], (StringColumn)columns[5], (StringColumn)columns[6]);
        var (year, reporter, product, value) = ((NullableInt32Column)columns[7], (StringColumn)columns[8], (StringColumn)columns[9],
            (NullableDoubleColumn)columns[10]);
        var path = Path.Combine(LakePaths.SourceFolder(root, sourceId), FileName);
        await using var writer = await ParquetTableWriter.CreateAsync(path, columns, Math.Max(1, Math.Min(_rows.Count, LakePaths.RowGroupSize)), ct);
        foreach (var r in _rows)
        {
            var i = writer.Pending;
            source.Set(i, sourceId);
            extract.Set(i, extractId);
            file.Set(i, r.File);
            line.Set(i, r.Line);
            column.Set(i, r.Column);
            reason.Set(i, r.Reason);
            raw.Set(i, r.RawRecord);
            year.Set(i, r.Year);
            reporter.Set(i, r.ReporterIso3);
            product.Set(i, r.ProductCode);
            value.Set(i, r.ValueUsd);
            await writer.CommitRowAsync(ct);
        }
    }
}
