namespace Katalyst.Synthetic.Labels;

/// <summary>The text indicators of triage-policy.md; a referral's label holds those its text expresses.</summary>
[Flags]
internal enum TextIndicators
{
    None = 0,
    Sextortion = 1,
    Grooming = 2,
    Meeting = 4,
    Production = 8,
    ContactAbuse = 16,
    Trafficking = 32,
    SelfHarmRisk = 64,
}
