using System.ComponentModel.DataAnnotations;

namespace Katalyst.Portal.Scoring;

/// <summary>The portal's <c>Scoring</c> section: where the scoring service is and how often new referrals are scored.</summary>
public sealed class PortalScoringOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Scoring";

    /// <summary>The scoring service's address, e.g. <c>http://127.0.0.1:5081</c>; empty turns scoring off.</summary>
    public string Server { get; set; } = "";

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
}
