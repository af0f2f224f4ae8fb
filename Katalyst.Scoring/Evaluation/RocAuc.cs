namespace Katalyst.Scoring.Evaluation;

/// <summary>
/// The exact area under the ROC curve: the probability that a random positive scores above a random negative,
/// a tie counting one half (the Mann–Whitney U statistic over mid-ranks).
/// </summary>
public static class RocAuc
{
    /// <summary>The AUC; null when there is no positive or no negative (the area is undefined).</summary>
    public static double? Compute(IReadOnlyList<bool> truth, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(scores);
        BinaryCounts.SameLength(truth.Count, scores.Count, nameof(scores));
        if (scores.Any(float.IsNaN))
        {
            throw new ArgumentException("scores contain NaN.", nameof(scores));
        }

        var positives = truth.Count(t => t);
        var negatives = truth.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var end = i;
            while (end < order.Length && scores[order[end]] == scores[order[i]])
            {
                end++;
            }

            var midRank = (i + 1 + end) / 2.0; // ranks i+1 .. end share their mean
            for (var j = i; j < end; j++)
            {
                if (truth[order[j]])
                {
                    positiveRankSum += midRank;
                }
            }

            i = end;
        }

        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
