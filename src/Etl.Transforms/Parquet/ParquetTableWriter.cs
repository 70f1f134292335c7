using Parquet;
using Parquet.Schema;

namespace ClusterEtl.Transforms.Parquet;

/// <summary>
/// Writes rows to one Parquet file with an explicit schema, a row group every <c>rowGroupSize</c> rows.
/// Memory is one row group's buffers, whatever the number of rows written.
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    readonly IReadOnlyList<ParquetColumn> _columns;
    readonly FileStream _stream;
    readonly ParquetWriter _writer;
    readonly int _capacity;

    ParquetTableWriter(IReadOnlyList<ParquetColumn> columns, FileStream stream, ParquetWriter writer, int capacity)
    {
        _columns = columns;
        _stream = stream;
        _writer = writer;
        _capacity = capacity;
    }

    public string Path => _stream.Name;
    /// <summary>Rows in the current, unwritten row group; the index of the next row to set.</summary>
    public int Pending { get; private set; }
    public long RowsWritten { get; private set; }

    public static async Task<ParquetTableWriter> CreateAsync(string path, IReadOnlyList<ParquetColumn> columns,
        int rowGroupSize, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        foreach (var c in columns) c.Allocate(rowGroupSize);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field)), stream,
            options, cancellationToken: ct);
        return new ParquetTableWriter(columns, stream, writer, rowGroupSize);
    }

    /// <summary>Call after setting the values of row <see cref="Pending"/> in every column.</summary>
    public async ValueTask CommitRowAsync(CancellationToken ct)
    {
        Pending++;
        if (Pending == _capacity) await FlushAsync(ct);
    }

    async Task FlushAsync(CancellationToken ct)
    {
        if (Pending == 0) return;
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var c in _columns) await c.WriteAsync(rowGroup, Pending, ct);
            rowGroup.CompleteValidate();
        }
        RowsWritten += Pending;
        Pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        finally
        {
            await _writer.DisposeAsync();
            await _stream.DisposeAsync();
        }
    }
}
