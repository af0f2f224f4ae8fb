using Katalyst.Scoring.Runtime;

namespace Katalyst.Scoring.Text;

/// <summary>Runs the text indicator ONNX model over many texts in one call: featurize, pad, run.</summary>
public static class TextIndicatorBatch
{
    /// <summary>Probabilities, row-major: <c>texts.Count × TextIndicators.Count</c>.</summary>
    public static float[] Run(SparseLinearRunner runner, TextFeaturizer featurizer, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var features = texts.Select(featurizer.Featurize).ToArray();
        var width = Math.Max(1, features.Max(f => f.Count));
        var ids = new long[texts.Count * width];
        var values = new float[texts.Count * width];
        for (var r = 0; r < features.Length; r++)
        {
            for (var i = 0; i < features[r].Count; i++)
            {
                ids[(r * width) + i] = features[r].Ids[i];
                values[(r * width) + i] = features[r].Values[i];
            }
        }

        return runner.Run(ids, values, texts.Count, width);
    }
}
