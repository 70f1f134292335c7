using System.Runtime.CompilerServices;
using ClusterEtl.Transforms.Connectors.Shared;
using CsvHelper;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Reads a BACI data file as CEPII publishes it, one line per record, without a general CSV reader: each line is split at
/// its five commas, fields are trimmed of spaces and read by <see cref="BaciNumbers"/>, the same fast paths
/// <see cref="BaciRecordParser"/> tries first. The records are those <see cref="BaciRecordParser.Parse(CsvReader)"/>
/// gives, line for line:
/// <list type="bullet">
/// <item>a line that does not read that way but holds no quote, lone carriage return or non-ASCII byte cannot be part of
/// a record of several lines, so it is handed alone to CsvHelper and <see cref="BaciRecordParser"/> (a quarantine row,
/// a number with a sign...);</item>
/// <item>a line that may be (a quote), an empty line, or a header other than <c>t,i,j,k,v,q</c> stops the scanner: the
/// rest of the file, from that line on, is for CsvHelper (<see cref="Remainder"/>, <see cref="LinesRead"/>).</item>
/// </list>
/// </summary>
public sealed class BaciLineScanner(Stream stream, BaciRecordParser parser, (int First, int Last)? years)
{
    const int BufferSize = 1 << 20;
    static readonly CsvReaderOptions OneLine = CsvDefaults.Options with { HasHeader = false };

    readonly byte[] _buffer = new byte[BufferSize];
    int _start, _end;
    bool _eof;

    /// <summary>Lines read so far (the header included); the next line is <c>LinesRead + 1</c>.</summary>
    public long LinesRead { get; private set; }

    /// <summary>True once the rest of the file must be read by CsvHelper, from <see cref="Remainder"/>.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Reads the header. False when it is not exactly <c>t,i,j,k,v,q</c>: the whole file is for CsvHelper.</summary>
    public bool ReadHeader()
    {
        var newline = FindLine();
        if (newline < 0)
        {
            Stopped = true;
            return false;
        }
        var line = _buffer.AsSpan(_start, newline - _start);
        if (line.StartsWith("\uFEFF"u8)) line = line[3..];
        if (line.EndsWith("\r"u8)) line = line[..^1];
        if (!line.SequenceEqual("t,i,j,k,v,q"u8))
        {
            Stopped = true;
            return false;
        }
        _start = newline + 1;
        LinesRead = 1;
        return true;
    }

    /// <summary>The bytes not read yet, then the rest of the stream (after <see cref="Stopped"/>); its owner disposes it.</summary>
    public Stream Remainder() => new ReplayStream(_buffer.AsMemory(_start, _end - _start), stream);

    /// <summary>Reads records into <paramref name="batch"/>; returns how many, 0 at the end of the file or once
    /// <see cref="Stopped"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Fill(Span<BaciRecord> batch)
    {
        var n = 0;
        while (n < batch.Length && !Stopped)
        {
            var newline = FindLine();
            if (newline < 0)
            {
                if (_start == _end) break; // end of the file
                if (!_eof)
                {
                    Stopped = true; // a line longer than the buffer: not a BACI record
                    break;
                }
                newline = _end; // a last line without a line break
            }
            var line = _buffer.AsSpan(_start, newline - _start);
            var number = LinesRead + 1;
            if (TryRead(line, number, out batch[n]))
            {
                n++;
            }
            else if (MayContinue(line))
            {
                var whole = _buffer.AsSpan(_start, Math.Min(newline + 1, _end) - _start);
                if (ReadAlone(whole, number, out batch[n])) n++;
            }
            else
            {
                Stopped = true;
                break;
            }
            LinesRead = number;
            _start = Math.Min(newline + 1, _end);
        }
        return n;
    }

    /// <summary>The index of the next line break in the buffer, reading more input when there is none; -1 when there is
    /// none before the end of the file or the buffer is full.</summary>
    int FindLine()
    {
        while (true)
        {
            var i = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (i >= 0) return _start + i;
            if (_eof) return -1;
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) return -1;
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _eof = true;
            _end += read;
        }
    }

    /// <summary>A record of six plain fields, all valid; false for anything else (read by CsvHelper instead).</summary>
    bool TryRead(ReadOnlySpan<byte> line, long number, out BaciRecord record)
    {
        record = default;
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        var p = 0;
        if (!BaciNumbers.TryDigitsField(line, ref p, 9, out var year) || year is < 1900 or > 2100) return false;
        if (!BaciNumbers.TryDigitsField(line, ref p, 9, out var exporter) || !parser.IsCountry(exporter)) return false;
        if (!BaciNumbers.TryDigitsField(line, ref p, 9, out var importer) || !parser.IsCountry(importer)) return false;
        if (!BaciNumbers.TryDigitsField(line, ref p, 6, out var product)) return false;
        if (!BaciNumbers.TryDecimalField(line, ref p, last: false, out var v)) return false;
        double? tonnes = null;
        var q = line[p..].Trim((byte)' ');
        if (!(q.IsEmpty || q.SequenceEqual("NA"u8)))
        {
            if (!BaciNumbers.TryDecimalField(line, ref p, last: true, out var t)) return false;
            tonnes = t;
        }
        if (years is { } range && (year < range.First || year > range.Last))
        {
            record = BaciRecord.OutsideYears(number);
            return true;
        }
        record = BaciRecord.Flow(number, year, exporter, importer, product, v * 1000.0, tonnes);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a whole record whatever it holds: not empty (CsvHelper skips empty lines), no
    /// quote (a quoted field may hold line breaks), no carriage return but the last byte (another line break), and
    /// ASCII only (a byte-order mark or an encoding question would depend on where the reader starts).
    /// </summary>
    static bool MayContinue(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        if (line.IsEmpty) return false;
        foreach (var b in line)
            if (b is (byte)'"' or (byte)'\r' or >= 0x80) return false;
        return true;
    }

    /// <summary>One line read by CsvHelper and <see cref="BaciRecordParser"/> on its own, as line <paramref name="number"/>;
    /// false when CsvHelper finds no record in it (blank).</summary>
    bool ReadAlone(ReadOnlySpan<byte> line, long number, out BaciRecord record)
    {
        using var csv = CsvReader.Create(new MemoryStream(line.ToArray(), writable: false), OneLine, leaveOpen: false);
        if (!csv.Read())
        {
            record = default;
            return false;
        }
        record = parser.Parse(csv, number - 1);
        return true;
    }
}
