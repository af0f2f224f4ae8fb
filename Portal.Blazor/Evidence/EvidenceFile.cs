using Katalyst.Referrals.Store.Detail;
using Katalyst.Referrals.Store.Evidence;

namespace Katalyst.Portal.Evidence;

/// <summary>One file of a referral as the evidence rules see it.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="File">The file as the referral page lists it.</param>
/// <param name="Authority">The referral's recorded legal authority; null when none.</param>
/// <param name="LockReason">Why the file is locked; null when it may be previewed and revealed.</param>
public sealed record EvidenceFile(long ReportId, ReferralFileView File, LegalAuthority? Authority, string? LockReason)
{
    /// <summary>True while legal gating keeps the file shut.</summary>
    public bool Locked => LockReason is not null;

    /// <summary>The audit target of this file: <c>reportId/fileId</c>.</summary>
    public string AuditTarget => RevealTarget(ReportId, File.FileId);

    /// <summary>The audit target that names one file of one referral.</summary>
    public static string RevealTarget(long reportId, string fileId) =>
        reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + fileId;
}
