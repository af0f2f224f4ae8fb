namespace Katalyst.Scoring.Text;

/// <summary>
/// The text indicator model in C#: for each indicator k, p_k = sigmoid(b_k + Σ_j v_j · W[id_j, k]) over a text's
/// <see cref="SparseFeatures"/>, and the indicator is reported present when p_k ≥ its tuned threshold. The ONNX
/// export computes the same; this class is the reference the exported model is checked against.
/// </summary>
public sealed class TextIndicatorModel
{
    private readonly float[] weights;
    private readonly float[] bias;
    private readonly float[] thresholds;

    /// <summary>Wraps trained parameters; checks their shapes.</summary>
    /// <param name="weights">Row-major [<see cref="TextFeaturizer.BucketCount"/>, <see cref="TextIndicators.Count"/>]:
    /// the weight of bucket j for indicator k is at <c>j * Count + k</c>.</param>
    /// <param name="bias">One bias per indicator.</param>
    /// <param name="thresholds">One decision threshold in (0, 1) per indicator.</param>
    /// <param name="featurizer">The featurizer the model was trained with.</param>
    public TextIndicatorModel(float[] weights, float[] bias, float[] thresholds, TextFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(featurizer);
        const int outputs = TextIndicators.Count;
        if (weights.Length != TextFeaturizer.BucketCount * outputs)
        {
            throw new ArgumentException($"weights must hold {TextFeaturizer.BucketCount} x {outputs} values (had {weights.Length}).", nameof(weights));
        }

        if (bias.Length != outputs)
        {
            throw new ArgumentException($"bias must hold {outputs} values (had {bias.Length}).", nameof(bias));
        }

        if (thresholds.Length != outputs || Array.Exists(thresholds, t => !(t > 0 && t < 1)))
        {
            throw new ArgumentException($"thresholds must hold {outputs} values, each in (0, 1).", nameof(thresholds));
        }

        this.weights = weights;
        this.bias = bias;
        this.thresholds = thresholds;
        Featurizer = featurizer;
    }

    /// <summary>The featurizer the model reads text with.</summary>
    public TextFeaturizer Featurizer { get; }

    /// <summary>Per-indicator decision thresholds, in <see cref="TextIndicators.Names"/> order.</summary>
    public IReadOnlyList<float> Thresholds => thresholds;

    /// <summary>Per-indicator bias, in <see cref="TextIndicators.Names"/> order.</summary>
    public IReadOnlyList<float> Bias => bias;

    /// <summary>The probabilities of the seven indicators for raw text.</summary>
    public float[] Predict(string text) => Predict(Featurizer.Featurize(text));

    /// <summary>The probabilities of the seven indicators for a text's features.</summary>
    public float[] Predict(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var logits = Logits(weights, bias, features);
        for (var k = 0; k < logits.Length; k++)
        {
            logits[k] = Sigmoid(logits[k]);
        }

        return logits;
    }

    /// <summary>Which indicators are present: probability at or above the indicator's threshold.</summary>
    public bool[] Decide(IReadOnlyList<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return [.. Enumerable.Range(0, TextIndicators.Count).Select(k => probabilities[k] >= thresholds[k])];
    }

    /// <summary>
    /// The weights as the ONNX writer takes them: [<see cref="TextFeaturizer.BucketCount"/>, <see cref="TextIndicators.Count"/>].
    /// </summary>
    public float[,] WeightMatrix()
    {
        var matrix = new float[TextFeaturizer.BucketCount, TextIndicators.Count];
        Buffer.BlockCopy(weights, 0, matrix, 0, weights.Length * sizeof(float));
        return matrix;
    }

    /// <summary>A copy of the bias.</summary>
    public float[] BiasVector() => [.. bias];

    internal static float[] Logits(float[] weights, float[] bias, SparseFeatures features)
    {
        const int outputs = TextIndicators.Count;
        var z = new float[outputs];
        Array.Copy(bias, z, outputs);
        for (var j = 0; j < features.Ids.Length; j++)
        {
            var row = features.Ids[j] * outputs;
            var v = features.Values[j];
            for (var k = 0; k < outputs; k++)
            {
                z[k] += v * weights[row + k];
            }
        }

        return z;
    }

    internal static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));
}
