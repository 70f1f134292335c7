using ClusterEtl.Transforms.Pipeline;
using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Normalize;

/// <summary>A row that could not be normalized, with where it was and why.</summary>
public sealed record QuarantinedRow(string File, long Line, string? Column, string Reason, string RawRecord);

/// <summary>
/// Collects rows that cannot be read and writes them to <c>lake/quarantine/source=&lt;id&gt;/quarantine.parquet</c>
/// (always written, empty when nothing was quarantined, so readers never miss the file). Keeps at most
/// <see cref="MaxKept"/> rows; the count goes on past that.
/// </summary>
public sealed class QuarantineWriter(string sourceId, string extractId)
{
    public const int MaxKept = 100_000;
    readonly List<QuarantinedRow> _rows = [];

    public long Count { get; private set; }
    public IReadOnlyList<QuarantinedRow> Rows => _rows;

    public void Add(QuarantinedRow row)
    {
        Count++;
        // A malformed row can be huge (a missing quote swallows the rest of the file): reason and excerpt are capped.
        if (_rows.Count < MaxKept) _rows.Add(row with { Reason = TextCap.Cap(row.Reason), RawRecord = TextCap.Cap(row.RawRecord) });
    }

    /// <summary>Adds the rows another writer collected (of a later file), as if they had been added here one by one.</summary>
    public void Absorb(QuarantineWriter later)
    {
        foreach (var r in later._rows) Add(r);
        Count += later.Count - later._rows.Count;
    }

    /// <summary>
    /// Fails the source when more than its <c>max_quarantine_share</c> of <paramref name="rowsRead"/> rows
    /// (normalized + quarantined) were quarantined, naming the first offenders.
    /// </summary>
    public void EnforceShare(Definitions.SourceDefinition source, long rowsRead)
    {
        if (Count == 0 || Count <= source.MaxQuarantineShare * rowsRead) return;
        var examples = string.Join("; ", _rows.Take(3).Select(r => $"line {r.Line}{(r.Column is null ? "" : $" column {r.Column}")}: {r.Reason}"));
        throw new Pipeline.PipelineException("normalize",
            $"{Count:N0} of {rowsRead:N0} rows could not be read, more than max_quarantine_share " +
            $"{source.MaxQuarantineShare * 100:0.###}% (first: {examples})",
            $"Fix the extract, or raise max_quarantine_share in {source.DefinitionFile} to accept the loss.",
            source.Id, _rows[0].File);
    }

    /// <summary>The quarantine file's columns, in file order.</summary>
    public static ParquetColumn[] Columns() =>
    [
        new StringColumn("source", false), new StringColumn("extract_id", false), new StringColumn("file", false),
        new Int64Column("line"), new StringColumn("column", true), new StringColumn("reason", false), new StringColumn("raw_record", false),
    ];

    public async Task WriteAsync(string root, CancellationToken ct)
    {
        var columns = Columns();
        var (source, extract, file, line, column, reason, raw) = ((StringColumn)columns[0], (StringColumn)columns[1],
            (StringColumn)columns[2], (Int64Column)columns[3], (StringColumn)columns[4], (StringColumn)columns[5], (StringColumn)columns[6]);
        var path = Path.Combine(root, $"source={sourceId}", "quarantine.parquet");
        await using var writer = await ParquetTableWriter.CreateAsync(path, columns, Math.Max(1, Math.Min(_rows.Count, 65_536)), ct);
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
            await writer.CommitRowAsync(ct);
        }
    }
}
