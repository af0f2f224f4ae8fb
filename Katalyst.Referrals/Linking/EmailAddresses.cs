namespace Katalyst.Referrals.Linking;

/// <summary>
/// Normalises e-mail addresses so that every way of writing one mailbox reads the same: case, and the rules of
/// providers that ignore dots or plus-tags in the local part. The provider rules are the table below.
/// </summary>
public static class EmailAddresses
{
    /// <summary>How one provider treats the local part.</summary>
    /// <param name="CanonicalDomain">The domain every alias of the provider is written as.</param>
    /// <param name="IgnoresDots">Dots in the local part are ignored (<c>a.b@gmail.com</c> is <c>ab@gmail.com</c>).</param>
    /// <param name="TagSeparator">The character that starts an ignored tag (<c>a+x@</c> is <c>a@</c>), if any.</param>
    private sealed record ProviderRule(string CanonicalDomain, bool IgnoresDots, char? TagSeparator);

    // Providers documented to deliver dotted or tagged forms to the same mailbox. Others keep their local part
    // as written (lower-cased): there "a.b" and "ab" may be two people.
    private static readonly Dictionary<string, ProviderRule> Providers = new(StringComparer.Ordinal)
    {
        ["gmail.com"] = new("gmail.com", IgnoresDots: true, TagSeparator: '+'),
        ["googlemail.com"] = new("gmail.com", IgnoresDots: true, TagSeparator: '+'),
        ["outlook.com"] = new("outlook.com", IgnoresDots: false, TagSeparator: '+'),
        ["hotmail.com"] = new("hotmail.com", IgnoresDots: false, TagSeparator: '+'),
        ["live.com"] = new("live.com", IgnoresDots: false, TagSeparator: '+'),
        ["icloud.com"] = new("icloud.com", IgnoresDots: false, TagSeparator: '+'),
        ["me.com"] = new("icloud.com", IgnoresDots: false, TagSeparator: '+'),
        ["protonmail.com"] = new("proton.me", IgnoresDots: false, TagSeparator: '+'),
        ["proton.me"] = new("proton.me", IgnoresDots: false, TagSeparator: '+'),
        ["yahoo.com"] = new("yahoo.com", IgnoresDots: false, TagSeparator: '-'),
    };

    /// <summary>The normalised address, or null when <paramref name="address"/> is not an address (no single @, an empty part).</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var trimmed = address.Trim().Trim('<', '>').Trim();
        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..];
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@') != at || trimmed.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var local = trimmed[..at].ToLowerInvariant();
        var domain = trimmed[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0)
        {
            return null;
        }

        if (Providers.TryGetValue(domain, out var rule))
        {
            domain = rule.CanonicalDomain;
            if (rule.TagSeparator is { } separator && local.IndexOf(separator, StringComparison.Ordinal) is var tag and >= 0)
            {
                local = local[..tag];
            }

            if (rule.IgnoresDots)
            {
                local = local.Replace(".", "", StringComparison.Ordinal);
            }
        }

        return local.Length == 0 ? null : $"{local}@{domain}";
    }
}
