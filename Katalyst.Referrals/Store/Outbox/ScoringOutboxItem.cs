namespace Katalyst.Referrals.Store.Outbox;

/// <summary>A referral claimed for scoring, with the attempts made before this one.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="TraceParent">The W3C traceparent of the referral's own trace (kept from intake), or null.</param>
public sealed record ClaimedScoring(long ReportId, int Attempts, string? TraceParent = null);

/// <summary>One referral's scoring work as the outbox keeps it.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="State"><c>pending</c> (waiting or retrying) or <c>failed</c> (given up; a person may retry it).</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttemptAt">When it is due again.</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="ClaimedBy">The instance holding it now, or null.</param>
/// <param name="ClaimedUntil">When that claim lapses, or null.</param>
/// <param name="FailedAt">When it was given up, or null.</param>
public sealed record ScoringOutboxItem(
    long ReportId, string State, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, string? ClaimedBy, DateTimeOffset? ClaimedUntil, DateTimeOffset? FailedAt);

/// <summary>How much scoring work waits: new, retrying after a failure, and given up.</summary>
public sealed record ScoringOutboxCounts(int Waiting, int Retrying, int Failed);

/// <summary>What finishing a claimed referral did.</summary>
public enum ScoringCompletion
{
    /// <summary>The score was stored and the work left the outbox.</summary>
    Stored,

    /// <summary>A score from the same models was already stored: it was kept, and the work left the outbox.</summary>
    AlreadyScored,

    /// <summary>The claim was lost (its lease ran out and another instance took the work): nothing was written.</summary>
    ClaimLost,
}
