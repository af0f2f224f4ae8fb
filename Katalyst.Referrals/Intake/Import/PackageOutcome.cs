namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// What reading one package produced: a referral to store, or the reason it cannot be, with the SHA-256 of every file's
/// bytes the reader had already put in the evidence store (removed again when no stored referral refers to them).
/// </summary>
internal sealed record PackageOutcome(ParsedReferral? Referral, Rejection? Rejection, IReadOnlyList<string>? StoredBytes = null);
