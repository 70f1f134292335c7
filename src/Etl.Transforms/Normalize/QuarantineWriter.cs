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
        if (_rows.Count < MaxKept) _rows.Add(row);
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

    public async Task WriteAsync(string root, CancellationToken ct)
    {
        var source = new StringColumn("source", false);
        var extract = new StringColumn("extract_id", false);
        var file = new StringColumn("file", false);
        var line = new Int64Column("line");
        var column = new StringColumn("column", true);
        var reason = new StringColumn("reason", false);
        var raw = new StringColumn("raw_record", false);
        var path = Path.Combine(root, $"source={sourceId}", "quarantine.parquet");
        await using var writer = await ParquetTableWriter.CreateAsync(path,
            [source, extract, file, line, column, reason, raw], Math.Max(1, Math.Min(_rows.Count, 65_536)), ct);
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
