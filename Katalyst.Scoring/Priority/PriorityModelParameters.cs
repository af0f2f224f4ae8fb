namespace Katalyst.Scoring.Priority;

/// <summary>
/// The trained priority model: an ordinal (proportional-odds) logistic model over <see cref="PrioritySignals"/>.
/// Urgency <c>u = Σ wᵢ·xᵢ</c>; <c>P(tier ≤ k) = σ(u − cₖ)</c> with <c>c₁ &gt; c₂ &gt; c₃ &gt; c₄</c>.
/// Because <c>u</c> is a plain sum, each signal's contribution <c>wᵢ·xᵢ</c> is exact.
/// </summary>
/// <param name="SignalNames">The signal order the weights follow; must equal <see cref="PrioritySignals.All"/>.</param>
/// <param name="Weights">One weight per signal.</param>
/// <param name="Cutpoints">c₁..c₄, strictly decreasing.</param>
/// <param name="PlattA">Calibration slope for the score <c>σ(A·(u − c₂) + B)</c> = P(tier ≤ 2).</param>
/// <param name="PlattB">Calibration intercept.</param>
/// <param name="Tier1Threshold">Tier 1 is chosen when P(tier 1) reaches this (tuned for tier-1 recall).</param>
public sealed record PriorityModelParameters(
    IReadOnlyList<string> SignalNames,
    float[] Weights,
    float[] Cutpoints,
    float PlattA,
    float PlattB,
    float Tier1Threshold)
{
    /// <summary>The tiers, 1 (most urgent) to 5.</summary>
    public const int Tiers = 5;
}
