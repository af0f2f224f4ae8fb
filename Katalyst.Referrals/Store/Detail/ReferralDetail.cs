using Katalyst.Referrals.Scoring;

namespace Katalyst.Referrals.Store.Detail;

/// <summary>
/// Everything the referral page shows about one referral: the referral as stored (envelope, typed report, files),
/// its latest score, each file in the form an investigator reads it, and the referrals it is linked to.
/// </summary>
/// <param name="Referral">The referral as stored, read back with the intake's own parsers.</param>
/// <param name="Score">The latest stored score; null until the referral is scored.</param>
/// <param name="Files">Every file of the referral, by file id.</param>
/// <param name="Related">Reports NCMEC or the ESP linked to this one, each once, lowest number first.</param>
public sealed record ReferralDetail(
    StoredReferral Referral,
    ReferralScore? Score,
    IReadOnlyList<ReferralFileView> Files,
    IReadOnlyList<RelatedReport> Related)
{
    /// <summary>The CyberTipline report number.</summary>
    public long ReportId => Referral.Summary.ReportId;
}

/// <summary>A report linked to the one shown.</summary>
/// <param name="ReportId">The linked report's number.</param>
/// <param name="Sources">Where the link comes from, e.g. <c>NCMEC relatedReports</c> or <c>priorCTReports of reported person 1</c>.</param>
/// <param name="Stored">True when that report is in this store too (so the page can link to it).</param>
public sealed record RelatedReport(long ReportId, IReadOnlyList<string> Sources, bool Stored);
