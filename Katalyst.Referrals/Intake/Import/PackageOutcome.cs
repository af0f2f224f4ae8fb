using Katalyst.Referrals.Linking;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// What reading one package produced: a referral to store, or the reason it cannot be, with the SHA-256 of every file's
/// bytes the reader had already put in the evidence store (removed again when no stored referral refers to them).
/// </summary>
/// <param name="Referral">The parsed referral, when the package was readable.</param>
/// <param name="Rejection">Why the package cannot be stored, otherwise.</param>
/// <param name="Identifiers">The referral's identifiers when linking is on, extracted by the reader so the single writer does not.</param>
/// <param name="StoredBytes">For a rejected package: the SHA-256 of the bytes its reading had already stored.</param>
internal sealed record PackageOutcome(ParsedReferral? Referral, Rejection? Rejection, IReadOnlyList<ReferralIdentifier>? Identifiers = null, IReadOnlyList<string>? StoredBytes = null)
{
    /// <summary>The referral's own trace (its intake span), which the writer's span joins; default when nothing traces.</summary>
    public System.Diagnostics.ActivityContext Trace { get; init; }
}
