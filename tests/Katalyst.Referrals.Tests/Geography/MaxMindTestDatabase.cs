using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Katalyst.Referrals.Tests.Geography;

/// <summary>
/// Writes a small IP database in MaxMind's DB format (IPv6 tree, 24-bit records, City-type records) so tests need no
/// downloaded database. Follows the published MaxMind DB spec: search tree, 16 zero bytes, data section, metadata.
/// No writer is served on NuGet (only readers), hence this test fixture.
/// </summary>
internal sealed class MaxMindTestDatabase
{
    private readonly Node root = new();
    private readonly List<byte> data = [];

    /// <summary>Adds a network (IPv4 or IPv6 CIDR) with its country, province and city.</summary>
    public MaxMindTestDatabase Add(string cidr, string country, string? province, string? city)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = address.AddressFamily == AddressFamily.InterNetwork ? new byte[12].Concat(address.GetAddressBytes()).ToArray() : address.GetAddressBytes();
        prefix += address.AddressFamily == AddressFamily.InterNetwork ? 96 : 0;

        var record = new Dictionary<string, object> { ["country"] = new Dictionary<string, object> { ["iso_code"] = country, ["names"] = Names(country) } };
        if (province is not null)
        {
            record["subdivisions"] = new object[] { new Dictionary<string, object> { ["names"] = Names(province) } };
        }

        if (city is not null)
        {
            record["city"] = new Dictionary<string, object> { ["names"] = Names(city) };
        }

        var offset = data.Count;
        Encode(record, data);
        var node = root;
        for (var bit = 0; bit < prefix - 1; bit++)
        {
            var right = Bit(bytes, bit);
            node = (right ? node.Right : node.Left) as Node ?? Set(node, right, new Node());
        }

        Set(node, Bit(bytes, prefix - 1), offset);
        return this;
    }

    /// <summary>Writes the database to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        var nodes = new List<Node>();
        Number(root, nodes);
        var count = nodes.Count;
        var output = new List<byte>(count * 6 + data.Count + 256);
        foreach (var node in nodes)
        {
            Record(node.Left, count, output);
            Record(node.Right, count, output);
        }

        output.AddRange(new byte[16]);
        output.AddRange(data);
        output.AddRange([0xAB, 0xCD, 0xEF, .. Encoding.ASCII.GetBytes("MaxMind.com")]);
        Encode(new Dictionary<string, object>
        {
            ["node_count"] = (uint)count,
            ["record_size"] = (ushort)24,
            ["ip_version"] = (ushort)6,
            ["database_type"] = "Katalyst-Test-City",
            ["languages"] = new object[] { "en" },
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = 1_763_856_000UL,
            ["description"] = new Dictionary<string, object> { ["en"] = "Katalyst test IP database" },
        }, output);
        File.WriteAllBytes(path, [.. output]);
    }

    private static Dictionary<string, object> Names(string name) => new() { ["en"] = name };

    private static bool Bit(byte[] bytes, int bit) => (bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;

    private static T Set<T>(Node node, bool right, T child)
        where T : notnull
    {
        if (right)
        {
            node.Right = child;
        }
        else
        {
            node.Left = child;
        }

        return child;
    }

    private static void Number(Node node, List<Node> nodes)
    {
        node.Index = nodes.Count;
        nodes.Add(node);
        foreach (var child in new[] { node.Left, node.Right }.OfType<Node>())
        {
            Number(child, nodes);
        }
    }

    // A record is a node number, node_count for "no data", or node_count + 16 + the data offset.
    private static void Record(object? child, int count, List<byte> output)
    {
        var value = child switch { Node n => n.Index, int offset => count + 16 + offset, _ => count };
        output.AddRange([(byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    private static void Encode(object value, List<byte> output)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(2, utf8.Length, output);
                output.AddRange(utf8);
                break;
            case ushort small:
                Unsigned(5, small, output);
                break;
            case uint medium:
                Unsigned(6, medium, output);
                break;
            case ulong large:
                Unsigned(9, large, output);
                break;
            case Dictionary<string, object> map:
                Control(7, map.Count, output);
                foreach (var (key, item) in map)
                {
                    Encode(key, output);
                    Encode(item, output);
                }

                break;
            case object[] array:
                Control(11, array.Length, output);
                foreach (var item in array)
                {
                    Encode(item, output);
                }

                break;
            default:
                throw new ArgumentException($"Cannot encode {value.GetType()}.");
        }
    }

    private static void Unsigned(int type, ulong value, List<byte> output)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        var start = 0;
        while (start < 8 && buffer[start] == 0)
        {
            start++;
        }

        Control(type, 8 - start, output);
        output.AddRange(buffer[start..].ToArray());
    }

    // Types above 7 are "extended": type 0 in the control byte, then (type - 7) in the next byte. Sizes here stay under 29.
    private static void Control(int type, int size, List<byte> output)
    {
        if (size >= 29)
        {
            throw new ArgumentException("The test database writer only writes sizes under 29.");
        }

        if (type <= 7)
        {
            output.Add((byte)((type << 5) | size));
        }
        else
        {
            output.Add((byte)size);
            output.Add((byte)(type - 7));
        }
    }

    private sealed class Node
    {
        public object? Left { get; set; }

        public object? Right { get; set; }

        public int Index { get; set; }
    }
}
