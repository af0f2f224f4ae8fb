using System.Globalization;

namespace Katalyst.Referrals.Scoring.Balancing;

/// <summary>
/// Where the scoring replicas are: one address, a static list of addresses (every replica listed), or one
/// <c>dns:///host:port</c> name whose A/AAAA records are the replicas (a Kubernetes headless Service).
/// </summary>
public sealed class ScoringTarget
{
    private const string DnsPrefix = "dns:///";

    private ScoringTarget(IReadOnlyList<Uri> addresses, string? dnsHostAndPort, bool tls)
    {
        Addresses = addresses;
        DnsHostAndPort = dnsHostAndPort;
        UsesTls = tls;
    }

    /// <summary>The replicas' addresses (http or https, all alike); empty for a DNS target.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The <c>host:port</c> of a DNS target; null for a static list.</summary>
    public string? DnsHostAndPort { get; }

    /// <summary>Whether calls go over TLS: the https scheme for a static list, the caller's choice for a DNS target.</summary>
    public bool UsesTls { get; }

    /// <summary>
    /// Reads a target from configuration or a command line. <paramref name="addresses"/> are <c>http://host:port</c>,
    /// <c>https://host:port</c>, or a single <c>dns:///host:port</c>; <paramref name="source"/> names where they came from
    /// (e.g. <c>Scoring:Addresses</c>, <c>--server</c>) so an error says which entry is wrong.
    /// </summary>
    /// <param name="addresses">The entries, in order.</param>
    /// <param name="source">The configuration key or option the entries came from.</param>
    /// <param name="dnsTls">For a <c>dns:///</c> target: call over TLS.</param>
    /// <exception cref="FormatException">An entry is not a usable address; the message names it.</exception>
    public static ScoringTarget Parse(IReadOnlyList<string> addresses, string source, bool dnsTls = false) =>
        TryParse(addresses, source, dnsTls, out var target, out var error) ? target : throw new FormatException(error);

    /// <summary>As <see cref="Parse"/>, answering the error instead of throwing it.</summary>
    public static bool TryParse(IReadOnlyList<string> addresses, string source, bool dnsTls, out ScoringTarget target, out string error)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        target = null!;
        error = "";
        if (addresses.Count == 0)
        {
            error = $"{source} names no scoring service: give http://host:port, a list of them, or dns:///host:port";
            return false;
        }

        var uris = new List<Uri>(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            var entry = addresses[i]?.Trim() ?? "";
            var name = addresses.Count == 1 ? source : string.Create(CultureInfo.InvariantCulture, $"{source}[{i}]");
            if (entry.StartsWith(DnsPrefix, StringComparison.OrdinalIgnoreCase))
            {
                if (addresses.Count > 1)
                {
                    error = $"{name} '{entry}': a dns:/// address must be the only one (DNS returns every replica)";
                    return false;
                }

                if (!TryHostAndPort(entry[DnsPrefix.Length..], out var hostAndPort))
                {
                    error = $"{name} '{entry}' is not dns:///host:port (the port is required)";
                    return false;
                }

                target = new ScoringTarget([], hostAndPort, dnsTls);
                return true;
            }

            if (entry.Length == 0)
            {
                error = $"{name} is empty";
                return false;
            }

            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error = $"{name} '{entry}' is not an address: write http://host:port, https://host:port or dns:///host:port";
                return false;
            }

            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                error = $"{name} '{entry}' has more than scheme, host and port";
                return false;
            }

            if (uris.Count > 0 && uris[0].Scheme != uri.Scheme)
            {
                error = $"{name} '{entry}' is {uri.Scheme} but the first address is {uris[0].Scheme}: every replica is reached the same way";
                return false;
            }

            if (uris.FindIndex(u => u.Authority.Equals(uri.Authority, StringComparison.OrdinalIgnoreCase)) is var seen and >= 0)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{name} '{entry}' repeats {source}[{seen}]");
                return false;
            }

            uris.Add(uri);
        }

        target = new ScoringTarget(uris, null, uris[0].Scheme == Uri.UriSchemeHttps);
        return true;
    }

    /// <summary>Reads a comma-separated list, as the CLI's <c>--server</c> takes it.</summary>
    /// <exception cref="FormatException">An entry is not a usable address; the message names it.</exception>
    public static ScoringTarget ParseList(string addresses, string source, bool dnsTls = false)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return Parse(addresses.Split(',', StringSplitOptions.TrimEntries), source, dnsTls);
    }

    /// <summary>The target as an operator wrote it: the addresses comma-separated, or the <c>dns:///</c> name.</summary>
    public override string ToString() =>
        DnsHostAndPort is { } dns ? DnsPrefix + dns : string.Join(",", Addresses.Select(a => a.GetLeftPart(UriPartial.Authority)));

    private static bool TryHostAndPort(string text, out string hostAndPort)
    {
        hostAndPort = text.TrimEnd('/');
        return hostAndPort.Length > 0 && !hostAndPort.Contains('/', StringComparison.Ordinal)
            && Uri.TryCreate("http://" + hostAndPort, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            && hostAndPort.EndsWith(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
