namespace Katalyst.Scoring.Evaluation;

/// <summary>One bin of a reliability table: the predictions that fell in [Lower, Upper).</summary>
/// <param name="Lower">The bin's lower edge (inclusive).</param>
/// <param name="Upper">The bin's upper edge (exclusive, except the last bin, which includes 1).</param>
/// <param name="Count">How many predictions fell in the bin.</param>
/// <param name="MeanPredicted">Their mean predicted probability; null when the bin is empty.</param>
/// <param name="ObservedRate">The fraction of them that were positive; null when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double? MeanPredicted, double? ObservedRate);

/// <summary>How well predicted probabilities match observed frequencies.</summary>
public static class Calibration
{
    /// <summary>The Brier score: the mean of (p − y)², y being 1 for a positive and 0 otherwise. Lower is better.</summary>
    public static double BrierScore(IReadOnlyList<bool> truth, IReadOnlyList<float> probabilities)
    {
        Check(truth, probabilities);
        double sum = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var error = probabilities[i] - (truth[i] ? 1.0 : 0.0);
            sum += error * error;
        }

        return sum / truth.Count;
    }

    /// <summary>
    /// The reliability table: <paramref name="bins"/> equal-width bins over [0, 1] (default 10), each with its
    /// count, mean prediction and observed positive rate.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityTable(IReadOnlyList<bool> truth, IReadOnlyList<float> probabilities, int bins = 10)
    {
        Check(truth, probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var predicted = new double[bins];
        var observed = new int[bins];
        for (var i = 0; i < truth.Count; i++)
        {
            var bin = Math.Min(bins - 1, (int)(probabilities[i] * bins));
            counts[bin]++;
            predicted[bin] += probabilities[i];
            observed[bin] += truth[i] ? 1 : 0;
        }

        return [.. Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            (double)b / bins,
            (double)(b + 1) / bins,
            counts[b],
            counts[b] == 0 ? null : predicted[b] / counts[b],
            counts[b] == 0 ? null : (double)observed[b] / counts[b]))];
    }

    private static void Check(IReadOnlyList<bool> truth, IReadOnlyList<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        BinaryCounts.SameLength(truth.Count, probabilities.Count, nameof(probabilities));
        if (truth.Count == 0)
        {
            throw new ArgumentException("There are no predictions to assess.", nameof(truth));
        }

        var bad = probabilities.Select((p, i) => (p, i)).FirstOrDefault(x => !(x.p >= 0 && x.p <= 1));
        if (!(bad.p >= 0 && bad.p <= 1))
        {
            throw new ArgumentException($"probabilities[{bad.i}] is {bad.p}, not in [0, 1].", nameof(probabilities));
        }
    }
}
