namespace Katalyst.Scoring.Priority;

/// <summary>The priority model's arithmetic after the linear part: tier probabilities, the tier, the calibrated score.</summary>
public static class OrdinalTierMath
{
    /// <summary>Turns urgency and contributions into a prediction.</summary>
    public static PriorityPrediction Predict(PriorityModelParameters model, float urgency, float[] contributions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var probabilities = TierProbabilities(model.Cutpoints, urgency);
        var tier = probabilities[0] >= model.Tier1Threshold ? 1 : 2 + ArgMax(probabilities.AsSpan(1));
        var score = Sigmoid((model.PlattA * (urgency - model.Cutpoints[1])) + model.PlattB);
        return new PriorityPrediction(tier, probabilities, score, urgency, contributions);
    }

    /// <summary>P(tier = k) for k = 1..5 from the cumulative logistic.</summary>
    public static float[] TierProbabilities(float[] cutpoints, float urgency)
    {
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
