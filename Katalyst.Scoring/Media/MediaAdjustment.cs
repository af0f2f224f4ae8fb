using Katalyst.Scoring.Priority;

namespace Katalyst.Scoring.Media;

/// <summary>The priority model's prediction after the media signals, and each media signal's contribution as applied.</summary>
/// <param name="Prediction">The prediction with the media total added to both linear parts.</param>
/// <param name="Contributions">The fired signals with their applied contributions (these sum to the total added).</param>
/// <param name="ModelTier">The model's tier without the media signals.</param>
/// <param name="Capped">True when the cap scaled the media signals down.</param>
public sealed record MediaAdjusted(PriorityPrediction Prediction, IReadOnlyList<MediaContribution> Contributions, int ModelTier, bool Capped);

/// <summary>
/// Adds the media signals to the priority model's linear scores before the tier is chosen, within the cap. The cap:
/// the media total is first held to ±<see cref="MediaWeights.MaxTotal"/> log-odds, and then, if the tier it gives is
/// more than one tier from the model's own, scaled down (all signals alike) to the largest share that moves the tier by
/// one. So media alone never moves a referral more than one tier, and never decides it alone. Pure.
/// </summary>
public static class MediaAdjustment
{
    // Bisection steps on the share: 2^-30 of the total is far below any figure a reason shows.
    private const int Steps = 30;

    /// <summary>The prediction for <paramref name="linear"/> with <paramref name="fired"/> added within the cap.</summary>
    public static MediaAdjusted Apply(PriorityModelParameters model, PriorityLinear linear, IReadOnlyList<MediaContribution> fired, float maxTotal)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(fired);
        var own = linear.Predict(model);
        var total = fired.Sum(f => f.Contribution);
        if (fired.Count == 0 || total == 0f)
        {
            return new MediaAdjusted(own, [], own.Tier, false);
        }

        var share = Math.Min(1f, maxTotal / Math.Abs(total));
        if (!WithinOneTier(share))
        {
            var (within, beyond) = (0f, share);
            for (var i = 0; i < Steps; i++)
            {
                var middle = (within + beyond) / 2f;
                (within, beyond) = WithinOneTier(middle) ? (middle, beyond) : (within, middle);
            }

            share = within;
        }

        IReadOnlyList<MediaContribution> applied = share == 1f ? fired : [.. fired.Select(f => f with { Contribution = f.Contribution * share })];
        return new MediaAdjusted(linear.Predict(model, Offset(share)), applied, own.Tier, share < 1f);

        // The same float sum the reasons' figures make, so the tier checked is the tier given.
        float Offset(float s) => s == 1f ? total : fired.Sum(f => f.Contribution * s);

        bool WithinOneTier(float s) => Math.Abs(linear.Predict(model, Offset(s)).Tier - own.Tier) <= 1;
    }
}
