namespace Katalyst.Referrals.Intake.Import;

/// <summary>What reading one package produced: a referral to store, or the reason it cannot be.</summary>
internal sealed record PackageOutcome(ParsedReferral? Referral, Rejection? Rejection);
