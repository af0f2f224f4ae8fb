namespace Katalyst.Scoring.Priority;

/// <summary>One training example: a referral's signals and its true tier.</summary>
public sealed record PriorityExample(float[] Signals, int Tier);

/// <summary>
/// Fits the priority model's two parts (the urgent logistic part and the ordinal part) by full-batch Adam on their
/// negative log-likelihoods with L2, then, on a separate validation set, the urgent threshold (for tier-1 recall)
/// and the score's Platt calibration.
/// Deterministic: no randomness at all.
/// </summary>
public static class PriorityTrainer
{
    /// <summary>Tier-1 recall the threshold is tuned to reach on validation data (the goal is 0.95).</summary>
    public const double TargetTier1Recall = 0.97;

    /// <summary>Trains on <paramref name="training"/>; tunes the tier-1 threshold and calibration on <paramref name="validation"/>.</summary>
    public static PriorityModelParameters Train(IReadOnlyList<PriorityExample> training, IReadOnlyList<PriorityExample> validation, int iterations = 800, float l2 = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        if (training.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException("training and validation both need examples");
        }

        var signals = PrioritySignals.Count;
        var urgent = FitUrgent(training, signals, iterations, l2);
        var (weights, cutpoints) = FitOrdinal(training, signals, iterations, l2);
        var ordinal = new LinearPart(weights, 0f);
        var urgentProbabilities = validation.Select(e => OrdinalTierMath.Sigmoid(urgent.Value(e.Signals))).ToArray();
        var threshold = TuneUrgentThreshold(validation, urgentProbabilities);
        var rawLogOdds = validation
            .Select((e, i) => OrdinalTierMath.RawLogOdds(urgentProbabilities[i], OrdinalTierMath.TierProbabilities(cutpoints, ordinal.Value(e.Signals))))
            .ToArray();
        var (plattA, plattB) = FitPlatt(validation, rawLogOdds);
        return new PriorityModelParameters(PrioritySignals.All.Select(s => s.Name).ToArray(), urgent, threshold, ordinal, cutpoints, plattA, plattB);
    }

    // Logistic regression of "tier 1" with the rare positives up-weighted to balance the classes.
    private static LinearPart FitUrgent(IReadOnlyList<PriorityExample> data, int signals, int iterations, float l2)
    {
        var positives = Math.Max(1, data.Count(e => e.Tier == 1));
        var positiveWeight = (double)(data.Count - positives) / positives;
        var parameters = new double[signals + 1];
        var adam = new AdamState(parameters.Length, learningRate: 0.05);
        var gradient = new double[parameters.Length];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            double totalWeight = 0;
            foreach (var example in data)
            {
                var z = parameters[signals];
                for (var i = 0; i < signals; i++)
                {
                    z += parameters[i] * example.Signals[i];
                }

                var y = example.Tier == 1 ? 1.0 : 0.0;
                var weight = y > 0 ? positiveWeight : 1.0;
                var error = weight * (Logistic(z) - y);
                for (var i = 0; i < signals; i++)
                {
                    gradient[i] += error * example.Signals[i];
                }

                gradient[signals] += error;
                totalWeight += weight;
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                gradient[i] = (gradient[i] / totalWeight) + (i < signals ? l2 * parameters[i] : 0);
            }

            adam.Step(parameters, gradient);
        }

        return new LinearPart(parameters[..signals].Select(p => (float)p).ToArray(), (float)parameters[signals]);
    }

    private static (float[] Weights, float[] Cutpoints) FitOrdinal(IReadOnlyList<PriorityExample> data, int signals, int iterations, float l2)
    {
        // Parameters: weights, then a (= c4) and s3, s2, s1 with c3 = c4 + softplus(s3), and so on: always ordered.
        var parameters = new double[signals + 4];
        parameters[signals] = -2; // c4
        parameters[signals + 1] = parameters[signals + 2] = parameters[signals + 3] = 1;
        var adam = new AdamState(parameters.Length, learningRate: 0.05);
        var gradient = new double[parameters.Length];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            var cut = Cutpoints(parameters, signals);
            foreach (var example in data)
            {
                double u = 0;
                for (var i = 0; i < signals; i++)
                {
                    u += parameters[i] * example.Signals[i];
                }

                var (du, dc) = OrdinalGradient(u, cut, example.Tier);
                for (var i = 0; i < signals; i++)
                {
                    gradient[i] += du * example.Signals[i];
                }

                AccumulateCutpointGradient(parameters, signals, dc, gradient);
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                gradient[i] /= data.Count;
            }

            for (var i = 0; i < signals; i++)
            {
                gradient[i] += l2 * parameters[i];
            }

            adam.Step(parameters, gradient);
        }

        var final = Cutpoints(parameters, signals);
        return (parameters[..signals].Select(p => (float)p).ToArray(), final.Select(c => (float)c).ToArray());
    }

    // c[0] = c1 (highest) .. c[3] = c4 (lowest).
    private static double[] Cutpoints(double[] p, int signals)
    {
        var c4 = p[signals];
        var c3 = c4 + Softplus(p[signals + 1]);
        var c2 = c3 + Softplus(p[signals + 2]);
        var c1 = c2 + Softplus(p[signals + 3]);
        return [c1, c2, c3, c4];
    }

    private static void AccumulateCutpointGradient(double[] p, int signals, double[] dc, double[] gradient)
    {
        gradient[signals] += dc[0] + dc[1] + dc[2] + dc[3];
        gradient[signals + 1] += (dc[0] + dc[1] + dc[2]) * Logistic(p[signals + 1]);
        gradient[signals + 2] += (dc[0] + dc[1]) * Logistic(p[signals + 2]);
        gradient[signals + 3] += dc[0] * Logistic(p[signals + 3]);
    }

    /// <summary>d(−log P(tier | u))/du and /dcₖ for the cumulative logistic.</summary>
    internal static (double DU, double[] DC) OrdinalGradient(double u, double[] c, int tier)
    {
        var dc = new double[4];
        const double tiny = 1e-12;
        if (tier == 1)
        {
            var f1 = Logistic(u - c[0]);
            dc[0] = 1 - f1;
            return (-(1 - f1), dc);
        }

        if (tier == 5)
        {
            var f4 = Logistic(u - c[3]);
            dc[3] = -f4;
            return (f4, dc);
        }

        var upper = Logistic(u - c[tier - 1]);
        var lower = Logistic(u - c[tier - 2]);
        var probability = Math.Max(upper - lower, tiny);
        var dUpper = upper * (1 - upper);
        var dLower = lower * (1 - lower);
        dc[tier - 1] = dUpper / probability;
        dc[tier - 2] = -dLower / probability;
        return (-(dUpper - dLower) / probability, dc);
    }

    private static float TuneUrgentThreshold(IReadOnlyList<PriorityExample> validation, float[] urgentProbabilities)
    {
        var tier1 = validation.Select((e, i) => (e.Tier, P: urgentProbabilities[i])).Where(x => x.Tier == 1).Select(x => x.P).Order().ToArray();
        if (tier1.Length == 0)
        {
            return 0.5f;
        }

        // The largest threshold that still lets TargetTier1Recall of the true tier-1 referrals through.
        var allowedMisses = (int)Math.Floor(tier1.Length * (1 - TargetTier1Recall));
        return Math.Min(0.5f, tier1[allowedMisses]);
    }

    private static (float A, float B) FitPlatt(IReadOnlyList<PriorityExample> validation, float[] rawLogOdds)
    {
        var parameters = new double[] { 1, 0 };
        var adam = new AdamState(2, learningRate: 0.05);
        var gradient = new double[2];
        for (var step = 0; step < 400; step++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < validation.Count; i++)
            {
                var x = rawLogOdds[i];
                var y = validation[i].Tier <= 2 ? 1.0 : 0.0;
                var p = Logistic((parameters[0] * x) + parameters[1]);
                gradient[0] += (p - y) * x / validation.Count;
                gradient[1] += (p - y) / validation.Count;
            }

            adam.Step(parameters, gradient);
        }

        return ((float)parameters[0], (float)parameters[1]);
    }

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    private sealed class AdamState(int size, double learningRate)
    {
        private readonly double[] m = new double[size];
        private readonly double[] v = new double[size];
        private int t;

        public void Step(double[] parameters, double[] gradient)
        {
            t++;
            const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
            for (var i = 0; i < parameters.Length; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * gradient[i]);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * gradient[i] * gradient[i]);
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                parameters[i] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        }
    }
}
