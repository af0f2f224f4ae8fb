namespace Katalyst.Referrals.Intake.Manifest;

/// <summary>NCMEC's split between referrals (enough to act on) and informational reports.</summary>
public enum ReportType
{
    /// <summary>NCMEC judged the report actionable.</summary>
    Referral,

    /// <summary>NCMEC marked the report informational.</summary>
    Informational,
}

/// <summary>NCMEC's look-up of one IP address in the report.</summary>
public sealed record GeoLocation(
    string Ip,
    string? Country,
    string? Region,
    string? City,
    string? Isp,
    double? Latitude,
    double? Longitude);

/// <summary>
/// The envelope NCMEC adds to a report (<c>manifest.json</c>). Unknown fields are kept in <see cref="Json"/>.
/// </summary>
public sealed record ReferralManifest
{
    /// <summary>The CyberTipline report number: unique, the idempotency key.</summary>
    public required long ReportId { get; init; }

    /// <summary>When the agency received the referral.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Referral or informational.</summary>
    public required ReportType ReportType { get; init; }

    /// <summary>NCMEC's priority label: "1", "2", "3" or "E"; null when absent.</summary>
    public string? NcmecPriority { get; init; }

    /// <summary>ISO-3166 alpha-2 country NCMEC routed the referral to, upper case.</summary>
    public required string Country { get; init; }

    /// <summary>NCMEC's look-up of each IP in the report.</summary>
    public IReadOnlyList<GeoLocation> Geolocation { get; init; } = [];

    /// <summary>For a bundled (viral) report: how many incidents it stands for.</summary>
    public int? BundledCount { get; init; }

    /// <summary>Reports NCMEC found linked by email, screen name or IP.</summary>
    public IReadOnlyList<long> RelatedReports { get; init; } = [];

    /// <summary>The manifest exactly as received, unknown fields included.</summary>
    public required string Json { get; init; }
}
