namespace Katalyst.Scoring.Priority;

/// <summary>A linear part of the priority model: one weight per signal and a bias.</summary>
/// <param name="Weights">One weight per signal, in <see cref="PrioritySignals.All"/> order.</param>
/// <param name="Bias">The bias.</param>
public sealed record LinearPart(float[] Weights, float Bias)
{
    /// <summary>Each signal's exact share of the linear value (<c>wᵢ·xᵢ</c>).</summary>
    public float[] Contributions(ReadOnlySpan<float> signals)
    {
        var result = new float[Weights.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Weights[i] * signals[i];
        }

        return result;
    }

    /// <summary>The linear value: bias plus the contributions.</summary>
    public float Value(ReadOnlySpan<float> signals)
    {
        var sum = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * signals[i];
        }

        return sum;
    }
}

/// <summary>
/// The trained priority model, two linear parts over <see cref="PrioritySignals"/>, so every reason is exact:
/// <list type="bullet">
/// <item><b>Urgent</b>: a logistic model of "a child appears at risk now" (tier 1). The policy puts tier 1 before
/// everything else (an escalated report stays tier 1 even with thin identifiers), which one ordinal scale cannot say;
/// its threshold is tuned on validation data for tier-1 recall.</item>
/// <item><b>Ordinal</b>: a proportional-odds model over all five tiers, urgency <c>u = Σ wᵢ·xᵢ</c>,
/// <c>P(tier ≤ k) = σ(u − cₖ)</c>; it places every referral the urgent part does not.</item>
/// </list>
/// </summary>
/// <param name="SignalNames">The signal order the weights follow; must equal <see cref="PrioritySignals.All"/>.</param>
/// <param name="Urgent">The urgent (tier-1) part.</param>
/// <param name="UrgentThreshold">Tier 1 when the urgent probability reaches this.</param>
/// <param name="Ordinal">The ordinal part (its bias is 0: the cut points carry it).</param>
/// <param name="Cutpoints">c₁..c₄, strictly decreasing.</param>
/// <param name="PlattA">Calibration slope of the score (P(tier ≤ 2)) on the log-odds of the raw estimate.</param>
/// <param name="PlattB">Calibration intercept.</param>
public sealed record PriorityModelParameters(
    IReadOnlyList<string> SignalNames,
    LinearPart Urgent,
    float UrgentThreshold,
    LinearPart Ordinal,
    float[] Cutpoints,
    float PlattA,
    float PlattB)
{
    /// <summary>The tiers, 1 (most urgent) to 5.</summary>
    public const int Tiers = 5;
}
