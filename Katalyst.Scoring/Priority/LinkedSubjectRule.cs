using Katalyst.Protos.V1;

namespace Katalyst.Scoring.Priority;

/// <summary>
/// The triage policy's repeat subject (tier 2 HIGH: "linked to other referrals") where the model alone cannot see it:
/// the model reads <c>linked_referrals</c> as a signal, but not how urgent the linked referrals are. A MEDIUM
/// referral whose subject is already HIGH or IMMEDIATE in a linked referral is raised to HIGH. LOW (memes, viral or
/// AI material, minor-to-minor) and INFORMATIONAL stay: the policy routes those elsewhere whoever sent them. Pure.
/// </summary>
public static class LinkedSubjectRule
{
    /// <summary>The tier a linked HIGH or IMMEDIATE referral raises a MEDIUM one to.</summary>
    public const int RaisedTier = 2;

    /// <summary>The tier after the rule, and its reason when it raised the tier.</summary>
    public static (int Tier, string? Reason) Apply(int tier, ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tier == 3 && request.LinkedReferrals > 0 && request.LinkedMaxTier is >= 1 and <= RaisedTier)
        {
            return (RaisedTier, $"linked-subject: linked to {request.LinkedReferrals} other referral(s), one already tier {request.LinkedMaxTier}: a repeat subject is HIGH (triage policy).");
        }

        return (tier, null);
    }
}
