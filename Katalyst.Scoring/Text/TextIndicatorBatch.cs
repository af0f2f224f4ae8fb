using Katalyst.Scoring.Runtime;

namespace Katalyst.Scoring.Text;

/// <summary>
/// Runs the text indicator ONNX model over many texts: featurize, then run rows of similar length together so that
/// padding stays small (one long chat log must not widen a whole batch). Texts without features all get the
/// model's answer for an empty row, computed once.
/// </summary>
public static class TextIndicatorBatch
{
    /// <summary>Rows run together at most; rows are grouped by feature count before chunking.</summary>
    public const int ChunkRows = 64;

    /// <summary>Probabilities, row-major: <c>texts.Count × TextIndicators.Count</c>.</summary>
    public static float[] Run(SparseLinearRunner runner, TextFeaturizer featurizer, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(texts);
        var outputs = runner.Outputs;
        var result = new float[texts.Count * outputs];
        if (texts.Count == 0)
        {
            return result;
        }

        var features = new SparseFeatures[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            features[i] = featurizer.Featurize(texts[i]);
        }

        var empty = Enumerable.Range(0, texts.Count).Where(i => features[i].Count == 0).ToArray();
        if (empty.Length > 0)
        {
            var answer = runner.Run([TextFeaturizer.PaddingId], [0f], rows: 1, width: 1);
            foreach (var row in empty)
            {
                answer.CopyTo(result, row * outputs);
            }
        }

        var withText = Enumerable.Range(0, texts.Count).Where(i => features[i].Count > 0).OrderBy(i => features[i].Count).ToArray();
        for (var start = 0; start < withText.Length; start += ChunkRows)
        {
            var chunk = withText.AsSpan(start, Math.Min(ChunkRows, withText.Length - start));
            var width = features[chunk[^1]].Count;
            var ids = new long[chunk.Length * width];
            var values = new float[chunk.Length * width];
            for (var r = 0; r < chunk.Length; r++)
            {
                var row = features[chunk[r]];
                for (var i = 0; i < row.Count; i++)
                {
                    ids[(r * width) + i] = row.Ids[i];
                    values[(r * width) + i] = row.Values[i];
                }
            }

            var probabilities = runner.Run(ids, values, chunk.Length, width);
            for (var r = 0; r < chunk.Length; r++)
            {
                Array.Copy(probabilities, r * outputs, result, chunk[r] * outputs, outputs);
            }
        }

        return result;
    }
}
