namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// Writes one Parquet file from <see cref="DirectColumn"/> buffers, a row group per <see cref="WriteRowGroup"/> call:
/// snappy-compressed pages, text dictionary-encoded. It writes the format itself, without Parquet.Net, because
/// Parquet.Net's per-value cost for text columns was most of the time of a BACI normalize. Memory is the builder's
/// buffers (about one column chunk) plus a few numbers per chunk for the footer.
/// </summary>
public sealed class DirectParquetWriter : IDisposable
{
    const string CreatedBy = "ClusterEtl";

    readonly FileStream _stream;
    readonly IReadOnlyList<DirectColumn> _schema;
    readonly ColumnChunkBuilder _builder;
    readonly List<RowGroupInfo> _rowGroups = [];
    bool _closed;

    DirectParquetWriter(FileStream stream, IReadOnlyList<DirectColumn> schema, ColumnChunkBuilder builder)
    {
        _stream = stream;
        _schema = schema;
        _builder = builder;
    }

    public string Path => _stream.Name;
    public long RowsWritten { get; private set; }

    /// <summary>Creates (or replaces) the file. <paramref name="builder"/> may be shared by the writers one thread uses.</summary>
    internal static DirectParquetWriter Create(string path, IReadOnlyList<DirectColumn> schema, ColumnChunkBuilder builder)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write("PAR1"u8);
        return new DirectParquetWriter(stream, schema, builder);
    }

    /// <summary>Writes the first <paramref name="rows"/> values of <paramref name="columns"/> (the schema's columns, or
    /// another set of buffers of the same schema) as one row group.</summary>
    public void WriteRowGroup(IReadOnlyList<DirectColumn> columns, int rows)
    {
        if (rows == 0) return;
        var chunks = new ColumnChunkInfo[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            chunks[i] = _builder.Encode(columns[i], rows, _stream.Position);
            _stream.Write(_builder.Bytes);
        }
        _rowGroups.Add(new RowGroupInfo(rows, chunks));
        RowsWritten += rows;
    }

    /// <summary>Writes the footer and closes the file.</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            ParquetFooter.Write(_stream, _schema, _rowGroups, CreatedBy);
        }
        finally
        {
            _stream.Dispose();
        }
    }
}
