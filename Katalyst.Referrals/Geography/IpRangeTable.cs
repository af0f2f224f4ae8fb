using System.Net;
using System.Net.Sockets;

namespace Katalyst.Referrals.Geography;

/// <summary>
/// The agency's CSV of IP ranges, <c>start,end,country,province,district</c> with a header row, IPv4 or IPv6, one
/// range per line (inclusive ends; ranges must not overlap). For agencies without a MaxMind-format database.
/// </summary>
public sealed class IpRangeTable : IIpLocations
{
    private readonly IpRange[] ranges;

    private IpRangeTable(IpRange[] sorted) => ranges = sorted;

    /// <inheritdoc />
    public LocationSource Source => LocationSource.IpRanges;

    /// <summary>The number of ranges.</summary>
    public int Count => ranges.Length;

    /// <summary>Reads the CSV; any bad line refuses the whole file, naming the line and the fault.</summary>
    /// <exception cref="InvalidDataException">The file is missing, or a line is not a valid range.</exception>
    public static IpRangeTable Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the IP ranges file (Geography:IpRangesPath) does not exist.");
        }

        var list = new List<IpRange>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || line.Trim().Length == 0)
            {
                continue;
            }

            list.Add(Parse(line, $"{path} line {number}"));
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Start <= list[i - 1].End)
            {
                throw new InvalidDataException($"{path}: range {list[i].Text} overlaps {list[i - 1].Text}.");
            }
        }

        return new IpRangeTable([.. list]);
    }

    /// <inheritdoc />
    public IpLocation? Find(IPAddress address)
    {
        var key = Key(address);
        int low = 0, high = ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var range = ranges[middle];
            if (key < range.Start)
            {
                high = middle - 1;
            }
            else if (key > range.End)
            {
                low = middle + 1;
            }
            else
            {
                return range.Location;
            }
        }

        return null;
    }

    private static IpRange Parse(string line, string where)
    {
        var parts = line.Split(',');
        if (parts.Length != 5)
        {
            throw new InvalidDataException($"{where}: expected start,end,country,province,district, found {parts.Length} fields.");
        }

        var start = Address(parts[0], where, "start");
        var end = Address(parts[1], where, "end");
        if (start.AddressFamily != end.AddressFamily)
        {
            throw new InvalidDataException($"{where}: start and end are not both IPv4 or both IPv6.");
        }

        var (first, last) = (Key(start), Key(end));
        if (first > last)
        {
            throw new InvalidDataException($"{where}: start {parts[0].Trim()} is after end {parts[1].Trim()}.");
        }

        var country = parts[2].Trim();
        if (country.Length != 0 && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            throw new InvalidDataException($"{where}: country '{country}' is not an ISO-3166 alpha-2 code.");
        }

        return new IpRange(first, last, $"{parts[0].Trim()}-{parts[1].Trim()}",
            new IpLocation(Blank(country)?.ToUpperInvariant(), Blank(parts[3].Trim()), Blank(parts[4].Trim())));
    }

    private static IPAddress Address(string text, string where, string field) => IPAddress.TryParse(text.Trim(), out var address)
        ? address
        : throw new InvalidDataException($"{where}: {field} '{text.Trim()}' is not an IP address.");

    // IPv4 addresses are keyed as IPv4-mapped IPv6, so one sorted array serves both families.
    private static UInt128 Key(IPAddress address)
    {
        var bytes = (address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes();
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private sealed record IpRange(UInt128 Start, UInt128 End, string Text, IpLocation Location);
}
