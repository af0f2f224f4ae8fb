using System.Net;

namespace Katalyst.Telemetry;

/// <summary>The networks allowed to scrape metrics (<see cref="PrometheusOptions.AllowedNetworks"/>); loopback when none are configured.</summary>
internal sealed class NetworkAllowList
{
    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
    private readonly IPNetwork[] networks;

    /// <summary>Parses the configured networks (validated at start by <see cref="TelemetryOptionsValidation"/>).</summary>
    public NetworkAllowList(IReadOnlyList<string> configured)
    {
        networks = configured.Count == 0 ? Loopback : configured.Select(IPNetwork.Parse).ToArray();
    }

    /// <summary>Whether a client at <paramref name="address"/> may scrape; an unknown address may not.</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return networks.Any(n => n.Contains(address));
    }
}
