using System.Buffers.Binary;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// The end of a Parquet file: the <c>FileMetaData</c> Thrift struct (schema, row groups and their column chunks),
/// its length and the closing magic. The schema is described as Parquet.Net describes the same columns (strings as
/// UTF8 / STRING, 32-bit integers as INT_32 / INTEGER(32, signed)), so readers see the same types either way.
/// </summary>
internal static class ParquetFooter
{
    const int Snappy = 1, Required = 0, Optional = 1, ConvertedUtf8 = 0, ConvertedInt32 = 17;

    public static void Write(Stream stream, IReadOnlyList<DirectColumn> schema, IReadOnlyList<RowGroupInfo> rowGroups, string createdBy)
    {
        var buffer = new PageBuffer(4096);
        var t = new ThriftCompactWriter(buffer);
        t.BeginMessage();
        t.I32(1, 1); // version
        t.BeginStructList(2, schema.Count + 1);
        t.BeginListElement();
        t.String(4, "root");
        t.I32(5, schema.Count);
        t.EndStruct();
        foreach (var c in schema) WriteSchemaElement(t, c);
        t.I64(3, rowGroups.Sum(g => g.Rows));
        t.BeginStructList(4, rowGroups.Count);
        foreach (var g in rowGroups) WriteRowGroup(t, g);
        t.String(6, createdBy);
        t.EndStruct();

        stream.Write(buffer.Written);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, buffer.Length);
        stream.Write(length);
        stream.Write("PAR1"u8);
    }

    static void WriteSchemaElement(ThriftCompactWriter t, DirectColumn c)
    {
        t.BeginListElement();
        t.I32(1, (int)c.Type);
        t.I32(3, c.Nullable ? Optional : Required);
        t.String(4, c.Name);
        if (c.IsText)
        {
            t.I32(6, ConvertedUtf8);
            t.BeginStruct(10); // LogicalType
            t.BeginStruct(1);  // STRING
            t.EndStruct();
            t.EndStruct();
        }
        else if (c.Type == PhysicalType.Int32)
        {
            t.I32(6, ConvertedInt32);
            t.BeginStruct(10); // LogicalType
            t.BeginStruct(10); // INTEGER
            t.Byte(1, 32);     // bitWidth
            t.Bool(2, true);   // isSigned
            t.EndStruct();
            t.EndStruct();
        }
        t.EndStruct();
    }

    static void WriteRowGroup(ThriftCompactWriter t, RowGroupInfo g)
    {
        t.BeginListElement();
        t.BeginStructList(1, g.Columns.Count);
        foreach (var c in g.Columns)
        {
            t.BeginListElement();
            t.I64(2, c.Start); // file_offset
            t.BeginStruct(3);  // ColumnMetaData
            t.I32(1, (int)c.Type);
            t.I32List(2, c.Encodings);
            t.StringList(3, [c.Name]);
            t.I32(4, Snappy);
            t.I64(5, c.NumValues);
            t.I64(6, c.UncompressedSize);
            t.I64(7, c.CompressedSize);
            t.I64(9, c.DataPageOffset);
            if (c.DictionaryPageOffset is { } d) t.I64(11, d);
            t.BeginStruct(12); // Statistics
            t.I64(3, c.Statistics.NullCount);
            if (c.Statistics.Max is { } max) t.Binary(5, max);
            if (c.Statistics.Min is { } min) t.Binary(6, min);
            t.EndStruct();
            t.EndStruct();
            t.EndStruct();
        }
        t.I64(2, g.Columns.Sum(c => c.UncompressedSize)); // total_byte_size
        t.I64(3, g.Rows);
        t.EndStruct();
    }
}
