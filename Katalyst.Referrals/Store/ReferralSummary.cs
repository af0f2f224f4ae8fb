namespace Katalyst.Referrals.Store;

/// <summary>One line of the referral list: what an investigator sees before opening a referral.</summary>
public class ReferralSummary
{
    /// <summary>The CyberTipline report number.</summary>
    public long ReportId { get; init; }

    /// <summary>When the agency received the referral (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>referral</c> or <c>informational</c>, as NCMEC labelled it.</summary>
    public string ReportType { get; init; } = "";

    /// <summary>NCMEC's own priority label: 1, 2, 3 or E; null when NCMEC gave none.</summary>
    public string? NcmecPriority { get; init; }

    /// <summary>The ISO-3166 alpha-2 country NCMEC routed the referral to.</summary>
    public string Country { get; init; } = "";

    /// <summary>The incident type as the schema spells it.</summary>
    public string IncidentType { get; init; } = "";

    /// <summary>The application where the content occurred, when the ESP said.</summary>
    public string? Platform { get; init; }

    /// <summary>True when the ESP escalated the report (immediate risk to a child).</summary>
    public bool Escalated { get; init; }

    /// <summary>How many files the package held (with or without bytes).</summary>
    public int FileCount { get; init; }

    /// <summary>The scoring service's tier, 1 (IMMEDIATE) to 5; null until the referral is scored.</summary>
    public int? Tier { get; init; }

    /// <summary>The tier's name; null until scored.</summary>
    public string? TierName { get; init; }

    /// <summary>Calibrated probability of tier 1 or 2; null until scored.</summary>
    public double? Score { get; init; }

    /// <summary>The scoring reasons as JSON (signal, contribution, text), largest first; null until scored.</summary>
    public string? ReasonsJson { get; init; }

    /// <summary>The reasons, largest first; empty until scored.</summary>
    public IReadOnlyList<Scoring.ScoreReason> Reasons =>
        ReasonsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<Scoring.ScoreReason>>(ReasonsJson, Scoring.ReferralScore.Json) ?? [];
}

/// <summary>One page of referrals and the total across all pages.</summary>
/// <param name="Items">The referrals on this page.</param>
/// <param name="TotalCount">How many referrals the store holds in all.</param>
public sealed record ReferralPage(IReadOnlyList<ReferralSummary> Items, int TotalCount);
