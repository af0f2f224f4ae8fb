namespace Katalyst.Scoring.Text;

/// <summary>
/// Fits seven independent logistic regressions over shared sparse features with AdaGrad: one example at a
/// time, in a seeded order, single-threaded, so the same inputs give bit-identical weights. Positives of a rare
/// indicator weigh more (<see cref="TextTrainingOptions.MaxPositiveWeight"/>); L2 is applied lazily, to the
/// weights an example touches.
/// </summary>
internal static class SparseLogisticRegression
{
    private const int Outputs = TextIndicators.Count;

    /// <summary>AdaGrad's starting accumulator: keeps the first steps on a fresh weight in proportion to the gradient.</summary>
    private const float InitialAccumulator = 0.1f;

    public static (float[] Weights, float[] Bias) Fit(
        SparseFeatures[] features, bool[][] labels, int[] rows, TextTrainingOptions options, int seed, CancellationToken ct)
    {
        var weights = new float[TextFeaturizer.BucketCount * Outputs];
        var squares = new float[weights.Length];
        Array.Fill(squares, InitialAccumulator);
        var bias = new float[Outputs];
        var biasSquares = Enumerable.Repeat(InitialAccumulator, Outputs).ToArray();
        var positiveWeight = PositiveWeights(labels, rows, options.MaxPositiveWeight);
        var order = (int[])rows.Clone();
        var rng = new Random(seed);
        var gradient = new float[Outputs];
        var rate = options.LearningRate;
        var l2 = options.L2;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (var row in order)
            {
                var x = features[row];
                var y = labels[row];
                var z = TextIndicatorModel.Logits(weights, bias, x);
                for (var k = 0; k < Outputs; k++)
                {
                    var p = TextIndicatorModel.Sigmoid(z[k]);
                    gradient[k] = y[k] ? positiveWeight[k] * (p - 1) : p;
                    biasSquares[k] += gradient[k] * gradient[k];
                    bias[k] -= rate * gradient[k] / MathF.Sqrt(biasSquares[k]);
                }

                for (var j = 0; j < x.Ids.Length; j++)
                {
                    var at = x.Ids[j] * Outputs;
                    var v = x.Values[j];
                    for (var k = 0; k < Outputs; k++, at++)
                    {
                        var g = gradient[k] * v + l2 * weights[at];
                        squares[at] += g * g;
                        weights[at] -= rate * g / MathF.Sqrt(squares[at]);
                    }
                }
            }
        }

        return (weights, bias);
    }

    private static float[] PositiveWeights(bool[][] labels, int[] rows, float max)
    {
        var result = new float[Outputs];
        for (var k = 0; k < Outputs; k++)
        {
            var positives = rows.Count(r => labels[r][k]);
            result[k] = positives == 0 ? 1f : Math.Clamp(MathF.Sqrt((rows.Length - positives) / (float)positives), 1f, max);
        }

        return result;
    }
}
