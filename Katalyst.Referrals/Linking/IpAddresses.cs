using System.Net;
using System.Net.Sockets;

namespace Katalyst.Referrals.Linking;

/// <summary>Normalises IP addresses: IPv4 dotted quad, IPv6 in its compressed lower-case form, IPv4-mapped IPv6 as IPv4.</summary>
public static class IpAddresses
{
    /// <summary>The canonical text of the address, or null when it is not an IPv4 or IPv6 address.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();

        // "1.2.3.4:5678" and "[2001:db8::1]:443" carry a port; the port is kept as detail, not in the value.
        if (text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
        {
            text = text[1..close];
        }
        else if (text.Count(c => c == ':') == 1 && text.Contains('.', StringComparison.Ordinal))
        {
            text = text[..text.IndexOf(':', StringComparison.Ordinal)];
        }

        // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthands and leading zeros as octal-looking text:
        // only four decimal octets count as IPv4.
        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork && text.Split('.').Length != 4)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address.ScopeId = 0; // "fe80::1%eth0" names the same address seen through another interface
        }

        return address.ToString();
    }
}
