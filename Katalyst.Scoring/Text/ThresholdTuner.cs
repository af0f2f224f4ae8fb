namespace Katalyst.Scoring.Text;

/// <summary>Chooses an indicator's decision threshold: the one that maximises F1 on held-out predictions.</summary>
internal static class ThresholdTuner
{
    /// <summary>The threshold used when the held-out set has no positive at all.</summary>
    public const float NoPositives = 0.5f;

    private const float Lowest = 1e-4f;
    private const float Highest = 1 - 1e-4f;

    /// <summary>
    /// Sweeps every cut between distinct scores (highest first) and returns the midpoint between the lowest
    /// score kept and the next lower score for the cut with the best F1 (the highest such cut on a tie), clamped
    /// to [0.0001, 0.9999]. A score at or above the threshold is a positive.
    /// </summary>
    public static float BestF1(IReadOnlyList<bool> truth, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(scores);
        if (truth.Count != scores.Count)
        {
            throw new ArgumentException($"truth has {truth.Count} values but scores has {scores.Count}.", nameof(scores));
        }

        var positives = truth.Count(t => t);
        if (positives == 0)
        {
            return NoPositives;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int tp = 0, fp = 0;
        var bestF1 = -1.0;
        var best = NoPositives;
        for (var i = 0; i < order.Length;)
        {
            var score = scores[order[i]];
            while (i < order.Length && scores[order[i]] == score)
            {
                if (truth[order[i]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i++;
            }

            var f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
            if (f1 > bestF1)
            {
                bestF1 = f1;
                var next = i < order.Length ? scores[order[i]] : 0f;
                best = (score + next) / 2;
            }
        }

        return Math.Clamp(best, Lowest, Highest);
    }
}
