namespace Katalyst.Scoring.Priority;

/// <summary>What the priority model says about one referral.</summary>
/// <param name="Tier">The model's tier, 1 to 5.</param>
/// <param name="UrgentProbability">The urgent part's probability that a child is at risk now.</param>
/// <param name="TierProbabilities">The ordinal part's P(tier = k), k = 1..5 (index 0 is tier 1).</param>
/// <param name="Score">Calibrated probability that the referral is tier 1 or 2.</param>
/// <param name="Contributions">Each signal's exact share of the deciding part's linear value, in signal order.</param>
/// <param name="DecidedByUrgent">True when the urgent part chose tier 1; the contributions are then its own.</param>
public sealed record PriorityPrediction(
    int Tier,
    float UrgentProbability,
    float[] TierProbabilities,
    float Score,
    float[] Contributions,
    bool DecidedByUrgent);

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
