namespace Katalyst.Scoring.Priority;

/// <summary>The priority model's two linear parts for one referral, before <see cref="OrdinalTierMath"/> turns them into a tier.</summary>
/// <param name="UrgentLinear">The urgent part's linear value (log-odds of tier 1).</param>
/// <param name="UrgentContributions">The urgent part's contributions, in signal order.</param>
/// <param name="OrdinalLinear">The ordinal part's linear value <c>u</c>.</param>
/// <param name="OrdinalContributions">The ordinal part's contributions, in signal order.</param>
public sealed record PriorityLinear(float UrgentLinear, float[] UrgentContributions, float OrdinalLinear, float[] OrdinalContributions)
{
    /// <summary>
    /// The prediction with <paramref name="offset"/> log-odds added to both linear parts (signals the model does not
    /// know, such as the media signals); an offset of 0 gives exactly the model's own prediction.
    /// </summary>
    public PriorityPrediction Predict(PriorityModelParameters model, float offset = 0f) => offset == 0f
        ? OrdinalTierMath.Predict(model, UrgentLinear, UrgentContributions, OrdinalLinear, OrdinalContributions)
        : OrdinalTierMath.Predict(model, UrgentLinear + offset, UrgentContributions, OrdinalLinear + offset, OrdinalContributions);
}
