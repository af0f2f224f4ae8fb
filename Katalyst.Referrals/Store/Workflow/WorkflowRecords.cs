using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Workflow;

/// <summary>Where one referral stands in the work: status, who has it, its tiers and why its work ended.</summary>
/// <param name="ReportId">The report number.</param>
/// <param name="Status">The status now.</param>
/// <param name="AssigneeUserId">The person it is assigned to, or null.</param>
/// <param name="UnitId">The unit it is assigned to, or null.</param>
/// <param name="ScoredTier">The scoring service's tier, or null until scored.</param>
/// <param name="TierOverride">A supervisor's tier, or null.</param>
/// <param name="FirstReviewedAt">When a person first reviewed it, or null.</param>
/// <param name="StatusChangedAt">When its status last changed.</param>
/// <param name="History">Every status move people made, oldest first.</param>
public sealed record ReferralWorkState(
    long ReportId,
    ReferralStatus Status,
    long? AssigneeUserId,
    long? UnitId,
    int? ScoredTier,
    int? TierOverride,
    DateTimeOffset? FirstReviewedAt,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<StatusChange> History)
{
    /// <summary>The tier the queue orders by: the override, else the scored tier; null when neither.</summary>
    public int? EffectiveTier => TierOverride ?? ScoredTier;

    /// <summary>The reason given when its work ended (closing reason or destination); null while it is open.</summary>
    public string? EndReason => ReferralWorkflow.IsOver(Status) && History.Count > 0 && History[^1].To == Status ? History[^1].Reason : null;
}

/// <summary>One status move, as recorded.</summary>
/// <param name="At">When.</param>
/// <param name="UserName">Who made it.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">The reason given, or null.</param>
public sealed record StatusChange(DateTimeOffset At, string UserName, ReferralStatus From, ReferralStatus To, string? Reason);

/// <summary>A note a person added to a referral.</summary>
/// <param name="Id">The store's number for it.</param>
/// <param name="At">When.</param>
/// <param name="UserName">Who wrote it.</param>
/// <param name="Text">What it says.</param>
public sealed record ReferralNote(long Id, DateTimeOffset At, string UserName, string Text);

/// <summary>A label a person gave a referral, for later model training.</summary>
/// <param name="ReportId">The report number.</param>
/// <param name="At">When.</param>
/// <param name="UserName">Who gave it.</param>
/// <param name="Kind">What kind of label: <see cref="TierOverrideKind"/>.</param>
/// <param name="Value">The label's value (for a tier override, the tier 1 to 5).</param>
/// <param name="Reason">Why.</param>
public sealed record ReferralLabel(long ReportId, DateTimeOffset At, string UserName, string Kind, string Value, string Reason)
{
    /// <summary>The kind of a supervisor's tier override.</summary>
    public const string TierOverrideKind = "tier-override";
}

/// <summary>A workflow action refused: the message says why, naming the status and the move.</summary>
public sealed class WorkflowRefusedException(string message) : InvalidOperationException(message);
