namespace Katalyst.Referrals.Store.Evidence;

/// <summary>
/// Legal authority recorded by a supervisor for one referral: with it, the referral's files that the ESP did not
/// view may be opened (triage-policy.md, "Legal gating of files").
/// </summary>
/// <param name="ReportId">The referral it covers.</param>
/// <param name="RecordedBy">The supervisor's user name.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="Reference">The authority's reference, e.g. a warrant number.</param>
/// <param name="Note">The supervisor's note: the court, scope, anything a reviewer must know.</param>
public sealed record LegalAuthority(long ReportId, string RecordedBy, DateTimeOffset RecordedAt, string Reference, string Note);
