using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Workflow;

/// <summary>
/// The referral state machine, in one place: which status moves a person may make, which need a reason, and what
/// an assignment or a review does to the status. Every move is a person's action; nothing here runs by itself.
/// New → In review → Assigned → Investigating → Referred onward | Closed; Closed and Referred onward reopen to
/// In review by a supervisor only, with a reason.
/// </summary>
public static class ReferralWorkflow
{
    // Every allowed move and whether only a supervisor may make it. Anything not listed is refused.
    private static readonly Dictionary<(ReferralStatus From, ReferralStatus To), bool> Moves = new()
    {
        [(ReferralStatus.New, ReferralStatus.InReview)] = false,
        [(ReferralStatus.InReview, ReferralStatus.Investigating)] = false,
        [(ReferralStatus.InReview, ReferralStatus.ReferredOnward)] = false,
        [(ReferralStatus.InReview, ReferralStatus.Closed)] = false,
        [(ReferralStatus.Assigned, ReferralStatus.Investigating)] = false,
        [(ReferralStatus.Assigned, ReferralStatus.ReferredOnward)] = false,
        [(ReferralStatus.Assigned, ReferralStatus.Closed)] = false,
        [(ReferralStatus.Investigating, ReferralStatus.ReferredOnward)] = false,
        [(ReferralStatus.Investigating, ReferralStatus.Closed)] = false,
        [(ReferralStatus.ReferredOnward, ReferralStatus.InReview)] = true,
        [(ReferralStatus.Closed, ReferralStatus.InReview)] = true,
    };

    /// <summary>True when the referral's work is over (Referred onward or Closed) until a supervisor reopens it.</summary>
    public static bool IsOver(ReferralStatus status) => status is ReferralStatus.ReferredOnward or ReferralStatus.Closed;

    /// <summary>True for a move out of a finished status back into the work (a reopening).</summary>
    public static bool IsReopening(ReferralStatus from, ReferralStatus to) => IsOver(from) && !IsOver(to);

    /// <summary>The statuses a person may move a referral to from <paramref name="from"/>, in workflow order.</summary>
    /// <param name="from">The referral's status now.</param>
    /// <param name="supervisor">True when the person is a supervisor (who alone may reopen).</param>
    public static IReadOnlyList<ReferralStatus> MovesFrom(ReferralStatus from, bool supervisor) =>
        [.. Moves.Where(m => m.Key.From == from && (supervisor || !m.Value)).Select(m => m.Key.To).Order()];

    /// <summary>Why a person may not move a referral from one status to another; null when the move is allowed.</summary>
    public static string? RefusalOf(ReferralStatus from, ReferralStatus to, bool supervisor)
    {
        var move = $"{from.ToDisplayName()} → {to.ToDisplayName()}";
        if (!Moves.TryGetValue((from, to), out var supervisorOnly))
        {
            var allowed = MovesFrom(from, supervisor: true);
            var options = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(s => s.ToDisplayName()));
            return $"The referral is {from.ToDisplayName()}; the move {move} is not allowed (from {from.ToDisplayName()}: {options})";
        }

        return supervisorOnly && !supervisor
            ? $"The referral is {from.ToDisplayName()}; only a supervisor may reopen it ({move})"
            : null;
    }

    /// <summary>True when moving to <paramref name="to"/> needs a reason from a configured list (Referred onward, Closed).</summary>
    public static bool NeedsListedReason(ReferralStatus to) => IsOver(to);

    /// <summary>True when the move needs a reason of any kind: ending the work (from a list) or reopening (free text).</summary>
    public static bool NeedsReason(ReferralStatus from, ReferralStatus to) => NeedsListedReason(to) || IsReopening(from, to);

    /// <summary>Why a referral in <paramref name="status"/> cannot be assigned; null when it can.</summary>
    public static string? AssignRefusal(ReferralStatus status) => IsOver(status)
        ? $"it is {status.ToDisplayName()}; a referral whose work is over cannot be assigned"
        : null;

    /// <summary>The status after an assignment: Investigating stays (it changes hands); anything else becomes Assigned.</summary>
    /// <exception cref="InvalidOperationException">The referral's work is over.</exception>
    public static ReferralStatus AfterAssign(ReferralStatus status) => AssignRefusal(status) is { } refusal
        ? throw new InvalidOperationException(refusal)
        : status == ReferralStatus.Investigating ? status : ReferralStatus.Assigned;

    /// <summary>Why a referral in <paramref name="status"/> cannot be marked reviewed from the queue; null when it can.</summary>
    public static string? MarkReviewedRefusal(ReferralStatus status) => status == ReferralStatus.New && RefusalOf(status, ReferralStatus.InReview, supervisor: false) is null
        ? null
        : $"it is {status.ToDisplayName()}; only New referrals can be marked reviewed";
}
