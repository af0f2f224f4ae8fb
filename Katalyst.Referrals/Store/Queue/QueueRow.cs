namespace Katalyst.Referrals.Store.Queue;

/// <summary>One row of the work queue: the referral's summary with its effective tier and work state.</summary>
public sealed class QueueRow : ReferralSummary
{
    /// <summary>The tier the scoring service gave; null until scored. <see cref="ReferralSummary.Tier"/> is the effective tier.</summary>
    public int? ScoredTier { get; init; }

    /// <summary>A supervisor's tier, which outranks the scored one; null when none was set.</summary>
    public int? TierOverride { get; init; }

    /// <summary>The stored status code; see <see cref="Status"/>.</summary>
    public string StatusCode { get; init; } = "new";

    /// <summary>Where the referral stands in the work.</summary>
    public ReferralStatus Status => ReferralStatusCodes.FromCode(StatusCode);

    /// <summary>The user it is assigned to, if any.</summary>
    public int? AssigneeUserId { get; init; }

    /// <summary>The unit it is assigned to, if any.</summary>
    public int? UnitId { get; init; }

    /// <summary>When a person first reviewed it; null until then.</summary>
    public DateTimeOffset? FirstReviewedAt { get; init; }

    /// <summary>The name of the effective tier (IMMEDIATE … INFORMATIONAL); null until scored or overridden.</summary>
    public string? EffectiveTierName => Tier is { } tier ? NameOf(tier) : null;

    /// <summary>The name of a tier, 1 IMMEDIATE to 5 INFORMATIONAL (triage-policy.md).</summary>
    public static string NameOf(int tier) => tier switch
    {
        1 => "IMMEDIATE",
        2 => "HIGH",
        3 => "MEDIUM",
        4 => "LOW",
        5 => "INFORMATIONAL",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "A tier is 1 to 5."),
    };
}

/// <summary>One page of the queue and how many referrals match the filter in all.</summary>
/// <param name="Items">The rows on this page, in the query's order.</param>
/// <param name="TotalCount">How many referrals match the filter across all pages.</param>
public sealed record QueuePage(IReadOnlyList<QueueRow> Items, int TotalCount);

/// <summary>A referral a bulk action left unchanged, and why.</summary>
/// <param name="ReportId">The report number.</param>
/// <param name="Reason">Why, naming the referral's status, e.g. "referral 5 is Closed; only …".</param>
public sealed record BulkRefusal(long ReportId, string Reason);

/// <summary>What a bulk action did: the referrals it changed and those it refused, each with its reason.</summary>
/// <param name="Changed">Report numbers changed.</param>
/// <param name="Refused">Report numbers left as they were, with the reason.</param>
public sealed record BulkOutcome(IReadOnlyList<long> Changed, IReadOnlyList<BulkRefusal> Refused);
