using System.Buffers.Binary;
using System.Text;

namespace Copilot.Connectors.Models.Local;

/// <summary>
/// The protobuf wire format, just far enough to read an ONNX model's messages and write new ones:
/// fields are kept as slices of the original bytes, so whatever is not rewritten is copied as it was.
/// </summary>
internal static class ProtoWire
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    /// <summary>One field of a message: its number, wire type, and either its integer value or its bytes.</summary>
    public readonly record struct Field(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }

    public static List<Field> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var key = ReadVarint(span, ref at);
            var number = checked((int)(key >> 3));
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case Varint:
                    fields.Add(new Field(number, wireType, ReadVarint(span, ref at), default));
                    break;
                case Fixed64:
                    fields.Add(new Field(number, wireType, BinaryPrimitives.ReadUInt64LittleEndian(span[at..]), message.Slice(at, 8)));
                    at += 8;
                    break;
                case Fixed32:
                    fields.Add(new Field(number, wireType, BinaryPrimitives.ReadUInt32LittleEndian(span[at..]), message.Slice(at, 4)));
                    at += 4;
                    break;
                case LengthDelimited:
                    var length = checked((int)ReadVarint(span, ref at));
                    fields.Add(new Field(number, wireType, 0, message.Slice(at, length)));
                    at += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType} in field {number}.");
            }
        }
        return fields;
    }

    /// <summary>The integers of a repeated integer field, whether written packed or one by one.</summary>
    public static IEnumerable<long> Integers(IEnumerable<Field> fields, int number)
    {
        foreach (var field in fields.Where(f => f.Number == number))
        {
            if (field.WireType == Varint)
            {
                yield return (long)field.Value;
                continue;
            }
            var at = 0;
            var bytes = field.Bytes.ToArray();
            while (at < bytes.Length)
            {
                yield return (long)ReadVarint(bytes, ref at);
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new InvalidDataException("Malformed protobuf varint.");
    }

    /// <summary>Writes a message field by field.</summary>
    public sealed class Writer
    {
        private readonly MemoryStream _stream = new();

        public Writer Raw(Field field)
        {
            switch (field.WireType)
            {
                case Varint: return Integer(field.Number, field.Value);
                case LengthDelimited: return Bytes(field.Number, field.Bytes.Span);
                default:
                    Key(field.Number, field.WireType);
                    _stream.Write(field.Bytes.Span);
                    return this;
            }
        }

        public Writer Integer(int number, ulong value)
        {
            Key(number, Varint);
            WriteVarint(value);
            return this;
        }

        public Writer Integer(int number, long value) => Integer(number, unchecked((ulong)value));

        public Writer Text(int number, string value) => Bytes(number, Encoding.UTF8.GetBytes(value));

        public Writer Bytes(int number, ReadOnlySpan<byte> value)
        {
            Key(number, LengthDelimited);
            WriteVarint((ulong)value.Length);
            _stream.Write(value);
            return this;
        }

        public Writer Message(int number, Writer message) => Bytes(number, message.ToArray());

        public byte[] ToArray() => _stream.ToArray();

        private void Key(int number, int wireType) => WriteVarint(((ulong)number << 3) | (uint)wireType);

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _stream.WriteByte((byte)value);
        }
    }
}
