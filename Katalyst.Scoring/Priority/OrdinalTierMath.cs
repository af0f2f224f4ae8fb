namespace Katalyst.Scoring.Priority;

/// <summary>The priority model's arithmetic after its two linear parts: tier probabilities, the tier, the calibrated score.</summary>
public static class OrdinalTierMath
{
    /// <summary>Turns both parts' linear values and contributions into a prediction.</summary>
    /// <param name="model">The model.</param>
    /// <param name="urgentLinear">The urgent part's linear value (log-odds of tier 1).</param>
    /// <param name="urgentContributions">The urgent part's contributions.</param>
    /// <param name="urgency">The ordinal part's linear value <c>u</c>.</param>
    /// <param name="ordinalContributions">The ordinal part's contributions.</param>
    public static PriorityPrediction Predict(PriorityModelParameters model, float urgentLinear, float[] urgentContributions, float urgency, float[] ordinalContributions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var urgent = Sigmoid(urgentLinear);
        var probabilities = TierProbabilities(model.Cutpoints, urgency);
        var decidedByUrgent = urgent >= model.UrgentThreshold;
        var tier = decidedByUrgent ? 1 : 2 + ArgMax(probabilities.AsSpan(1));
        var score = Sigmoid((model.PlattA * RawLogOdds(urgent, probabilities)) + model.PlattB);
        return new PriorityPrediction(tier, urgent, probabilities, score, decidedByUrgent ? urgentContributions : ordinalContributions, decidedByUrgent);
    }

    /// <summary>
    /// The uncalibrated log-odds of "tier 1 or 2": tier 1 from the urgent part, else tier 2 from the ordinal part
    /// given not tier 1.
    /// </summary>
    public static float RawLogOdds(float urgent, float[] tierProbabilities)
    {
        var notTier1 = Math.Max(1e-6f, 1f - tierProbabilities[0]);
        var tier2GivenNot1 = tierProbabilities[1] / notTier1;
        var raw = Math.Clamp(urgent + ((1f - urgent) * tier2GivenNot1), 1e-6f, 1f - 1e-6f);
        return MathF.Log(raw / (1f - raw));
    }

    /// <summary>P(tier = k) for k = 1..5 from the cumulative logistic.</summary>
    public static float[] TierProbabilities(float[] cutpoints, float urgency)
    {
        ArgumentNullException.ThrowIfNull(cutpoints);
        var result = new float[PriorityModelParameters.Tiers];
        var below = 0f;
        for (var k = 0; k < cutpoints.Length; k++)
        {
            var cumulative = Sigmoid(urgency - cutpoints[k]);
            result[k] = Math.Max(0f, cumulative - below);
            below = cumulative;
        }

        result[^1] = Math.Max(0f, 1f - below);
        return result;
    }

    /// <summary>The logistic function, stable for large inputs.</summary>
    public static float Sigmoid(float x) => x >= 0 ? 1f / (1f + MathF.Exp(-x)) : MathF.Exp(x) / (1f + MathF.Exp(x));

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
