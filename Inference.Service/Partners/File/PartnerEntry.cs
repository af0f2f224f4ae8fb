namespace Katalyst.Inference.Partners;

/// <summary>
/// One partner in the partners file: who, how it proves itself (an API key's id and hash, or a client certificate's
/// thumbprint), which gRPC methods it may call, until when, and its limits.
/// </summary>
/// <remarks>Compiled into the inference service and the <c>katalyst</c> CLI (linked source), so both read one format.</remarks>
internal sealed record PartnerEntry
{
    /// <summary>The partner's name (letters, digits, '.', '_', '-'; at most 64): logged with every call.</summary>
    public required string Name { get; init; }

    /// <summary>The key id (16 lower-case hex digits) of its API key; null for a certificate partner.</summary>
    public string? KeyId { get; init; }

    /// <summary>SHA-256 (lower-case hex) of its whole API key; null for a certificate partner.</summary>
    public string? KeySha256 { get; init; }

    /// <summary>Its client certificate's SHA-256 (64 hex) or SHA-1 (40 hex) thumbprint; null for a key partner.</summary>
    public string? CertificateThumbprint { get; init; }

    /// <summary>
    /// What it may call: <c>katalyst.v1.Scoring/Score</c> (one method), <c>katalyst.v1.Scoring/*</c> (a service) or
    /// <c>*</c> (everything).
    /// </summary>
    public required IReadOnlyList<string> Methods { get; init; }

    /// <summary>When its access ends (exclusive, UTC).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Calls (and stream messages) a second it may make; a token bucket of this size refilled every second.</summary>
    public int RatePerSecond { get; init; } = PartnersFile.DefaultRatePerSecond;

    /// <summary>Largest request message it may send, in bytes (below the service's gRPC MaxReceiveMessageSize).</summary>
    public int MaxRequestBytes { get; init; } = PartnersFile.DefaultMaxRequestBytes;

    /// <summary>When the entry was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked; a revoked entry lets nothing in and stays in the file for the record.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether <paramref name="method"/> (<c>package.Service/Method</c>) is within <see cref="Methods"/>.</summary>
    public bool Allows(string method)
    {
        foreach (var allowed in Methods)
        {
            if (allowed == "*" || string.Equals(allowed, method, StringComparison.Ordinal)
                || (allowed.EndsWith("/*", StringComparison.Ordinal) && method.AsSpan().StartsWith(allowed.AsSpan(0, allowed.Length - 1), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
