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

    /// <summary>The largest |expected − actual| over every element; fails when the shapes differ.</summary>
    public static float MaxAbsDifference(float[][] expected, float[][] actual, string output)
    {
        Assert.True(expected.Length == actual.Length, $"Output '{output}': {actual.Length} rows, fixture has {expected.Length}.");
        var worst = 0f;
        for (var r = 0; r < expected.Length; r++)
        {
            Assert.True(expected[r].Length == actual[r].Length, $"Output '{output}' row {r}: {actual[r].Length} values, fixture has {expected[r].Length}.");
            for (var i = 0; i < expected[r].Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(expected[r][i] - actual[r][i]));
            }
        }

        return worst;
    }
}
