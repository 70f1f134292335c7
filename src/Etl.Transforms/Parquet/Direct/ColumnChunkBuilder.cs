using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Snappier;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// Encodes one column chunk at a time into memory: its pages (snappy-compressed, each after its Thrift header) and
/// what the footer needs to know about them. Its buffers are reused from chunk to chunk, so one builder serves every
/// column of every row group a thread writes; it is not thread-safe.
/// </summary>
internal sealed class ColumnChunkBuilder
{
    const int DataPage = 0, DictionaryPage = 2;

    readonly PageBuffer _body = new(1 << 20);
    readonly PageBuffer _chunk = new(1 << 20);
    readonly PageBuffer _header = new(256);
    readonly TextDictionary _dictionary = new();
    byte[] _compressed = [];
    int[] _levels = [];
    int[] _indices = [];

    long _numValues, _uncompressedSize;
    long? _dictionaryPageOffset;
    long _dataPageOffset;
    readonly List<int> _encodings = [];
    ChunkStatistics _statistics;

    /// <summary>The encoded chunk of the last <see cref="Encode"/>: page headers and pages.</summary>
    public ReadOnlySpan<byte> Bytes => _chunk.Written;

    /// <summary>Encodes the first <paramref name="count"/> values of <paramref name="column"/> into <see cref="Bytes"/>,
    /// which the caller writes at <paramref name="fileOffset"/>; the offsets returned are in the file.</summary>
    public ColumnChunkInfo Encode(DirectColumn column, int count, long fileOffset)
    {
        _chunk.Clear();
        _encodings.Clear();
        _dictionaryPageOffset = null;
        _uncompressedSize = 0;
        _numValues = count;
        column.Encode(count, this);
        return new ColumnChunkInfo(column.Name, column.Type, _encodings.ToArray(), _numValues, _uncompressedSize,
            _chunk.Length, fileOffset + _dataPageOffset, fileOffset + _dictionaryPageOffset, _statistics);
    }

    /// <summary>A required numeric column: its values, plain-encoded.</summary>
    internal void WriteRequiredPage<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T>
    {
        _body.Clear();
        _body.Write(MemoryMarshal.AsBytes(values));
        _statistics = NumberStatistics(values, 0);
        FinishDataPage(values.Length, PageEncoding.Plain, hasLevels: false);
    }

    /// <summary>
    /// A numeric column whose <paramref name="count"/> rows all hold <paramref name="value"/> (null for none):
    /// dictionary-encoded, a dictionary of that one value and a single run of index 0, so a constant column (the year
    /// of a year file) costs a few bytes instead of a plain value per row.
    /// </summary>
    internal void WriteRepeatedNumberPages<T>(T? value, int count, bool nullable) where T : unmanaged, INumber<T>
    {
        var present = nullable ? Levels(count) : null;
        present?.AsSpan(0, count).Fill(value.HasValue ? 1 : 0);
        if (value is { } v)
        {
            _body.Clear();
            _body.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in v)));
            FinishDictionaryPage(1);
        }
        _body.Clear();
        if (present is not null) WriteLevels(present.AsSpan(0, count));
        if (value is { } one)
        {
            if (_indices.Length < count) _indices = new int[count];
            _indices.AsSpan(0, count).Clear();
            _body.GetSpan(1)[0] = 1; // bit width
            _body.Advance(1);
            RleHybridEncoder.Encode(_indices.AsSpan(0, count), 1, _body);
            _statistics = NumberStatistics(new ReadOnlySpan<T>(in one), 0);
        }
        else _statistics = new ChunkStatistics(count, null, null);
        FinishDataPage(count, value.HasValue ? PageEncoding.RleDictionary : PageEncoding.Plain, present is not null);
    }

    /// <summary>An optional numeric column: definition levels, then the values that are not null, plain-encoded.</summary>
    internal void WriteOptionalPage<T>(ReadOnlySpan<T?> values) where T : unmanaged, INumber<T>
    {
        var present = Levels(values.Length);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var has = values[i].HasValue ? 1 : 0;
            present[i] = has;
            count += has;
        }
        _body.Clear();
        WriteLevels(present.AsSpan(0, values.Length));
        var bytes = count * Unsafe.SizeOf<T>();
        var nonNull = MemoryMarshal.Cast<byte, T>(_body.GetSpan(bytes)[..bytes]);
        var n = 0;
        foreach (var v in values)
            if (v.HasValue) nonNull[n++] = v.GetValueOrDefault();
        _body.Advance(bytes);
        _statistics = NumberStatistics<T>(nonNull, values.Length - count);
        FinishDataPage(values.Length, PageEncoding.Plain, hasLevels: true);
    }

    /// <summary>
    /// A text column: a dictionary page with each distinct value once (in order of first appearance), then a data
    /// page of definition levels (when optional) and the rows' indices into the dictionary. A column whose values are
    /// all null has no dictionary page.
    /// </summary>
    internal void WriteDictionaryPages(ReadOnlySpan<string?> values, bool nullable, string name)
    {
        _dictionary.Clear();
        var present = nullable ? Levels(values.Length) : null;
        if (_indices.Length < values.Length) _indices = new int[values.Length];
        string? previous = null;
        int previousIndex = -1, n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v is null)
            {
                if (present is null) throw new InvalidOperationException($"column {name} is required but row {i} of the row group is null");
                present[i] = 0;
                continue;
            }
            if (present is not null) present[i] = 1;
            if (!ReferenceEquals(v, previous))
            {
                previousIndex = _dictionary.IndexOf(v);
                previous = v;
            }
            _indices[n++] = previousIndex;
        }
        WriteTextPages(values.Length, n, present);
    }

    /// <summary>A text column whose <paramref name="count"/> rows all hold <paramref name="value"/>: the same bytes as
    /// <see cref="WriteDictionaryPages"/> gives for them, without looking each row up.</summary>
    internal void WriteRepeatedTextPages(string? value, int count, bool nullable, string name)
    {
        if (value is null && !nullable) throw new InvalidOperationException($"column {name} is required but its rows are null");
        _dictionary.Clear();
        var present = nullable ? Levels(count) : null;
        present?.AsSpan(0, count).Fill(value is null ? 0 : 1);
        if (_indices.Length < count) _indices = new int[count];
        var n = 0;
        if (value is not null)
        {
            _dictionary.IndexOf(value);
            _indices.AsSpan(0, count).Clear();
            n = count;
        }
        WriteTextPages(count, n, present);
    }

    /// <summary>The pages of a text chunk once its values are numbered: <paramref name="n"/> indices in <c>_indices</c>,
    /// and the definition levels of the <paramref name="count"/> rows when the column is optional.</summary>
    void WriteTextPages(int count, int n, int[]? present)
    {
        if (_dictionary.Count > 0)
        {
            _body.Clear();
            Range min = default, max = default;
            var first = true;
            foreach (var e in _dictionary.Values)
            {
                var length = Encoding.UTF8.GetByteCount(e);
                var span = _body.GetSpan(4 + length);
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                Encoding.UTF8.GetBytes(e, span[4..]);
                var value = new Range(_body.Length + 4, _body.Length + 4 + length);
                _body.Advance(4 + length);
                // Parquet orders text by unsigned bytes of its UTF-8.
                if (first || _body.Written[value].SequenceCompareTo(_body.Written[min]) < 0) min = value;
                if (first || _body.Written[value].SequenceCompareTo(_body.Written[max]) > 0) max = value;
                first = false;
            }
            _statistics = new ChunkStatistics(count - n, _body.Written[min].ToArray(), _body.Written[max].ToArray());
            FinishDictionaryPage(_dictionary.Count);
        }

        _body.Clear();
        if (present is not null) WriteLevels(present.AsSpan(0, count));
        if (_dictionary.Count > 0)
        {
            var bitWidth = RleHybridEncoder.BitWidth(_dictionary.Count - 1);
            _body.GetSpan(1)[0] = (byte)bitWidth;
            _body.Advance(1);
            RleHybridEncoder.Encode(_indices.AsSpan(0, n), bitWidth, _body);
        }
        else _statistics = new ChunkStatistics(count, null, null);
        FinishDataPage(count, _dictionary.Count > 0 ? PageEncoding.RleDictionary : PageEncoding.Plain, present is not null);
    }

    int[] Levels(int count)
    {
        if (_levels.Length < count) _levels = new int[count];
        return _levels;
    }

    /// <summary>Definition levels (0 null, 1 present) in the RLE hybrid encoding, after their length in 4 bytes.</summary>
    void WriteLevels(ReadOnlySpan<int> levels)
    {
        var start = _body.Length;
        _body.GetSpan(4);
        _body.Advance(4);
        RleHybridEncoder.Encode(levels, 1, _body);
        BinaryPrimitives.WriteInt32LittleEndian(_body.Written[start..], _body.Length - start - 4);
    }

    void FinishDictionaryPage(int entries)
    {
        _dictionaryPageOffset = _chunk.Length;
        WritePage(DictionaryPage, entries, PageEncoding.Plain);
        _encodings.Add((int)PageEncoding.Plain);
    }

    void FinishDataPage(int numValues, PageEncoding encoding, bool hasLevels)
    {
        _dataPageOffset = _chunk.Length;
        WritePage(DataPage, numValues, encoding);
        if (!_encodings.Contains((int)encoding)) _encodings.Add((int)encoding);
        if (hasLevels) _encodings.Add((int)PageEncoding.Rle);
    }

    /// <summary>Compresses the page body and appends its header and the compressed bytes to the chunk.</summary>
    void WritePage(int pageType, int numValues, PageEncoding encoding)
    {
        var body = _body.Written;
        var max = Snappy.GetMaxCompressedLength(body.Length);
        if (_compressed.Length < max) _compressed = new byte[Math.Max(max, 1 << 16)];
        var compressed = Snappy.Compress(body, _compressed);

        _header.Clear();
        var thrift = new ThriftCompactWriter(_header);
        thrift.BeginMessage();
        thrift.I32(1, pageType);
        thrift.I32(2, body.Length);
        thrift.I32(3, compressed);
        if (pageType == DataPage)
        {
            thrift.BeginStruct(5);
            thrift.I32(1, numValues);
            thrift.I32(2, (int)encoding);
            thrift.I32(3, (int)PageEncoding.Rle);
            thrift.I32(4, (int)PageEncoding.Rle);
            thrift.EndStruct();
        }
        else
        {
            thrift.BeginStruct(7);
            thrift.I32(1, numValues);
            thrift.I32(2, (int)encoding);
            thrift.EndStruct();
        }
        thrift.EndStruct();

        _chunk.Write(_header.Written);
        _chunk.Write(_compressed.AsSpan(0, compressed));
        _uncompressedSize += _header.Length + body.Length;
    }

    static ChunkStatistics NumberStatistics<T>(ReadOnlySpan<T> values, long nulls) where T : unmanaged, INumber<T>
    {
        var any = false;
        T min = default, max = default;
        foreach (var v in values)
        {
            if (T.IsNaN(v)) continue;
            if (!any)
            {
                min = max = v;
                any = true;
            }
            else if (v < min) min = v;
            else if (v > max) max = v;
        }
        if (!any) return new ChunkStatistics(nulls, null, null);
        // The format asks for -0.0 as the minimum and +0.0 as the maximum when either is zero.
        if (T.IsZero(min)) min = -T.Zero;
        if (T.IsZero(max)) max = T.Zero;
        return new ChunkStatistics(nulls, LittleEndianBytes(min), LittleEndianBytes(max));
    }

    static byte[] LittleEndianBytes<T>(T value) where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
}
