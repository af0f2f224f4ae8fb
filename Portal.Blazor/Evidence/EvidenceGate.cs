using Katalyst.Referrals.Store.Detail;
using Katalyst.Referrals.Store.Evidence;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Evidence;

/// <summary>
/// The legal gating rule of triage-policy.md: a file the ESP did not view (or did not say) is locked until a supervisor
/// records legal authority for its referral; <see cref="EvidenceOptions"/> says which of the two cases lock.
/// </summary>
public sealed class EvidenceGate(IOptions<EvidenceOptions> options)
{
    /// <summary>Why <paramref name="file"/> is locked, for people; null when it may be previewed and revealed.</summary>
    /// <param name="file">The file.</param>
    /// <param name="authority">The referral's recorded legal authority, if any.</param>
    public string? LockReason(ReferralFileView file, LegalAuthority? authority)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (authority is not null)
        {
            return null;
        }

        var rule = options.Value;
        return file.ViewedByEsp switch
        {
            false when rule.RequireAuthorityWhenEspDidNotView =>
                "The ESP did not view this file: legal authority for the referral must be recorded by a supervisor before anyone opens it.",
            null when rule.RequireAuthorityWhenViewedUnknown =>
                "The ESP did not say whether it viewed this file: legal authority for the referral must be recorded by a supervisor before anyone opens it.",
            _ => null,
        };
    }
}
