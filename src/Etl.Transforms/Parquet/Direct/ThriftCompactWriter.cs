using System.Buffers;
using System.Text;

namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// The part of Thrift's compact protocol that Parquet metadata needs (page headers and the file footer): structs,
/// lists, i32, i64 and binary fields. Fields must be written in increasing id order within a struct.
/// </summary>
/// <remarks>See the Thrift compact protocol spec: a field header is one byte (id delta &lt;&lt; 4 | type) when the id
/// grows by 1 to 15, integers are zigzag varints, a struct ends with a 0 byte.</remarks>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    const byte TypeTrue = 1, TypeFalse = 2, TypeByte = 3, TypeI32 = 5, TypeI64 = 6, TypeBinary = 8, TypeList = 9, TypeStruct = 12;

    readonly Stack<short> _outer = new();
    short _lastField;

    public void BeginStruct(short fieldId)
    {
        FieldHeader(fieldId, TypeStruct);
        _outer.Push(_lastField);
        _lastField = 0;
    }

    public void EndStruct()
    {
        Byte(0);
        _lastField = _outer.Pop();
    }

    /// <summary>Starts the outermost struct (the footer, or a page header), which has no field header.</summary>
    public void BeginMessage()
    {
        _outer.Push(_lastField);
        _lastField = 0;
    }

    public void Bool(short fieldId, bool value) => FieldHeader(fieldId, value ? TypeTrue : TypeFalse);

    public void Byte(short fieldId, sbyte value)
    {
        FieldHeader(fieldId, TypeByte);
        Byte((byte)value);
    }

    public void I32(short fieldId, int value)
    {
        FieldHeader(fieldId, TypeI32);
        Varint(ZigZag(value));
    }

    public void I64(short fieldId, long value)
    {
        FieldHeader(fieldId, TypeI64);
        Varint(ZigZag(value));
    }

    public void Binary(short fieldId, ReadOnlySpan<byte> value)
    {
        FieldHeader(fieldId, TypeBinary);
        BinaryValue(value);
    }

    public void String(short fieldId, string value) => Binary(fieldId, Encoding.UTF8.GetBytes(value));

    public void I32List(short fieldId, IReadOnlyList<int> values)
    {
        ListHeader(fieldId, TypeI32, values.Count);
        foreach (var v in values) Varint(ZigZag(v));
    }

    public void StringList(short fieldId, IReadOnlyList<string> values)
    {
        ListHeader(fieldId, TypeBinary, values.Count);
        foreach (var v in values) BinaryValue(Encoding.UTF8.GetBytes(v));
    }

    /// <summary>Starts a list of structs; write each element with <see cref="BeginListElement"/> … <see cref="EndStruct"/>.</summary>
    public void BeginStructList(short fieldId, int count) => ListHeader(fieldId, TypeStruct, count);

    public void BeginListElement()
    {
        _outer.Push(_lastField);
        _lastField = 0;
    }

    void ListHeader(short fieldId, byte elementType, int count)
    {
        FieldHeader(fieldId, TypeList);
        if (count < 15) Byte((byte)(count << 4 | elementType));
        else
        {
            Byte((byte)(0xF0 | elementType));
            Varint((uint)count);
        }
    }

    void FieldHeader(short fieldId, byte type)
    {
        var delta = fieldId - _lastField;
        if (delta is > 0 and <= 15) Byte((byte)(delta << 4 | type));
        else
        {
            Byte(type);
            Varint(ZigZag(fieldId));
        }
        _lastField = fieldId;
    }

    void BinaryValue(ReadOnlySpan<byte> value)
    {
        Varint((uint)value.Length);
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    void Byte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    void Varint(ulong v) => UnsignedVarint.Write(v, output);

    static ulong ZigZag(int v) => (uint)((v << 1) ^ (v >> 31));
    static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
}
