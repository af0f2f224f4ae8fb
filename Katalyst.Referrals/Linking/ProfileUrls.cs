namespace Katalyst.Referrals.Linking;

/// <summary>
/// Normalises profile URLs: scheme dropped (http and https are one profile), host lower-cased without <c>www.</c>
/// or <c>m.</c>, default port, query, fragment and trailing slash dropped, path lower-cased (the big platforms'
/// profile names are case-insensitive).
/// </summary>
public static class ProfileUrls
{
    private static readonly string[] HostPrefixes = ["www.", "m.", "mobile."];

    /// <summary>The normalised URL (<c>facebook.com/some.user</c>), or null when it is not an http(s) URL.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        foreach (var prefix in HostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length)
            {
                host = host[prefix.Length..];
                break;
            }
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/').ToLowerInvariant();
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{host}{port}{path}";
    }
}
