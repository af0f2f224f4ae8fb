using System.Net;

namespace Katalyst.Referrals.Geography;

/// <summary>What an IP look-up knows about one address.</summary>
/// <param name="Country">ISO-3166 alpha-2 country, when known.</param>
/// <param name="Province">Province, state or region, when known.</param>
/// <param name="District">District or city, when known.</param>
public sealed record IpLocation(string? Country, string? Province, string? District);

/// <summary>An agency-held IP look-up: a MaxMind-format database or a CSV of ranges.</summary>
public interface IIpLocations
{
    /// <summary>Which source this is.</summary>
    LocationSource Source { get; }

    /// <summary>What the look-up knows about <paramref name="address"/>, or null when it holds nothing for it.</summary>
    IpLocation? Find(IPAddress address);
}
