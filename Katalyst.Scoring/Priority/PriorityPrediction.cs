namespace Katalyst.Scoring.Priority;

/// <summary>What the priority model says about one referral.</summary>
/// <param name="Tier">The model's tier, 1 to 5.</param>
/// <param name="TierProbabilities">P(tier = k) for k = 1..5 (index 0 is tier 1).</param>
/// <param name="Score">Calibrated probability that the referral is tier 1 or 2.</param>
/// <param name="Urgency">The linear urgency <c>u</c>: the sum of the contributions.</param>
/// <param name="Contributions">Each signal's exact share of <c>u</c>, in signal order.</param>
public sealed record PriorityPrediction(int Tier, float[] TierProbabilities, float Score, float Urgency, float[] Contributions);

/// <summary>The tiers' names, as triage-policy.md gives them.</summary>
public static class TierNames
{
    /// <summary>IMMEDIATE, HIGH, MEDIUM, LOW, INFORMATIONAL for tiers 1 to 5.</summary>
    public static string Of(int tier) => tier switch
    {
        1 => "IMMEDIATE",
        2 => "HIGH",
        3 => "MEDIUM",
        4 => "LOW",
        5 => "INFORMATIONAL",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "tiers run from 1 to 5"),
    };
}
