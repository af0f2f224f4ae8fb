namespace Katalyst.Scoring.Evaluation;

/// <summary>
/// The four counts of a yes/no decision against the truth, and the ratios made from them. A ratio whose
/// denominator is zero had nothing to get wrong and is 1 (precision with no predicted positive, recall with no
/// actual positive); F1 is 0 when precision and recall are both 0.
/// </summary>
public readonly record struct BinaryCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>How many decisions were counted.</summary>
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>How many were actually positive.</summary>
    public int Positives => TruePositives + FalseNegatives;

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts <paramref name="predicted"/> against <paramref name="truth"/> (same length).</summary>
    public static BinaryCounts Count(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        SameLength(truth.Count, predicted.Count, nameof(predicted));
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            _ = (truth[i], predicted[i]) switch
            {
                (true, true) => tp++,
                (false, true) => fp++,
                (true, false) => fn++,
                _ => tn++,
            };
        }

        return new BinaryCounts(tp, fp, fn, tn);
    }

    internal static void SameLength(int truth, int other, string name)
    {
        if (truth != other)
        {
            throw new ArgumentException($"truth has {truth} values but {name} has {other}.", name);
        }
    }
}
