using System.ComponentModel.DataAnnotations;
using Katalyst.Referrals.Scoring.Balancing;

namespace Katalyst.Portal.Scoring;

/// <summary>The portal's <c>Scoring</c> section: where the scoring service is and how often new referrals are scored.</summary>
public sealed class PortalScoringOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Scoring";

    /// <summary>
    /// The scoring service's address, e.g. <c>http://127.0.0.1:5081</c>, or <c>dns:///host:port</c> for every replica behind
    /// one DNS name (a Kubernetes headless Service); empty (with <see cref="Addresses"/> empty too) turns scoring off.
    /// </summary>
    public string Server { get; set; } = "";

    /// <summary>
    /// Every scoring replica's address (<c>Scoring:Addresses:0</c>, <c>:1</c>, ...), all http or all https; when it names any,
    /// it is used instead of <see cref="Server"/>. Calls are spread round robin over the replicas that answer. Default empty.
    /// </summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>For a <c>dns:///</c> address: call the replicas over TLS. Default false (a static address says http or https itself).</summary>
    public bool Tls { get; set; }

    /// <summary>Deadline of every call to the scoring service, in seconds. Default 120.</summary>
    [Range(1, 3600)]
    public int CallTimeoutSeconds { get; set; } = 120;

    /// <summary>Attempts per call when a replica is unavailable (gRPC's retry policy; 1 = no retry, 5 = gRPC's cap). Default 5.</summary>
    [Range(1, 5)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// The portal's API key for the scoring service (<c>katalyst partners add portal ...</c>); sent with every call. Keep it
    /// out of appsettings: set it by environment (<c>Scoring__ApiKey</c>), as start.sh does. Empty: no key is sent.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Seconds between looks for unscored referrals. Default 10.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 10;

    /// <summary>Optional known-material CSV (hashType,value,category) for hash matching.</summary>
    public string? KnownHashesPath { get; set; }

    /// <summary>The replicas to call; null when scoring is off.</summary>
    /// <exception cref="FormatException">An address is wrong (start-up validation reports it first, naming the key).</exception>
    public ScoringTarget? Target() =>
        Addresses.Count > 0 ? ScoringTarget.Parse(Addresses, $"{Section}:{nameof(Addresses)}", Tls)
        : string.IsNullOrWhiteSpace(Server) ? null
        : ScoringTarget.Parse([Server], $"{Section}:{nameof(Server)}", Tls);

    /// <summary>The deadline and retries these options set, for <see cref="Referrals.Scoring.ScoringClient"/>.</summary>
    public ScoringChannelOptions ChannelOptions() => new() { CallTimeout = TimeSpan.FromSeconds(CallTimeoutSeconds), MaxAttempts = MaxAttempts };
}
