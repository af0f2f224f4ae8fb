using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Katalyst.Referrals.Scoring.Balancing;

/// <summary>How the typed client's channel behaves: deadline per call, retries on UNAVAILABLE, and TLS client credentials.</summary>
public sealed record ScoringChannelOptions
{
    /// <summary>The defaults: 2 minutes a call, 5 attempts.</summary>
    public static ScoringChannelOptions Default { get; } = new();

    /// <summary>
    /// The deadline of every call (a <c>ScoreStream</c> of up to 500 referrals, one file's analysis, a rules edit): past
    /// it the call ends with DEADLINE_EXCEEDED and the service drops the work. Default 2 minutes.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Attempts per call (gRPC's retry policy, on UNAVAILABLE only, each on the next replica): 1 turns retries off;
    /// at most 5, gRPC's own cap. Default 5.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Pause before the first retry; it doubles on each later one (with gRPC's jitter) up to <see cref="MaxBackoff"/>. Default 0.2 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between retries. Default 2 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// For a <c>dns:///</c> target: how often DNS is asked again, so replicas added by scaling up get calls (a failed
    /// connection asks at once as well). Default 30 s.
    /// </summary>
    public TimeSpan DnsRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Mutual TLS: the client certificate (with its private key) offered to every replica; null offers none.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// Checks the replicas' server certificates; null uses the machine's trust store (the usual case). Set it to trust an
    /// agency's private CA without installing it machine-wide.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Why these options cannot be used, naming the property; null when they can.</summary>
    public string? Problem() =>
        CallTimeout <= TimeSpan.Zero ? $"CallTimeout must be positive (is {CallTimeout})"
        : MaxAttempts is < 1 or > 5 ? $"MaxAttempts must be 1 to 5 (is {MaxAttempts})"
        : InitialBackoff <= TimeSpan.Zero ? $"InitialBackoff must be positive (is {InitialBackoff})"
        : DnsRefreshInterval <= TimeSpan.Zero ? $"DnsRefreshInterval must be positive (is {DnsRefreshInterval})"
        : MaxBackoff < InitialBackoff ? $"MaxBackoff ({MaxBackoff}) must be at least InitialBackoff ({InitialBackoff})"
        : null;
}
