namespace Katalyst.Scoring.Tests.Onnx;

/// <summary>The linear models' math done in plain C# (in double), to check ONNX Runtime's answers against.</summary>
internal static class LinearReference
{
    public const double Tolerance = 1e-5;

    public static float[,] RandomWeights(Random random, int features, int outputs)
    {
        var weights = new float[features, outputs];
        for (var f = 0; f < features; f++)
        {
            for (var k = 0; k < outputs; k++)
            {
                weights[f, k] = (float)(random.NextDouble() * 2 - 1);
            }
        }

        return weights;
    }

    public static float[] RandomVector(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    /// <summary>Rows of random (id, value) pairs; the last <paramref name="padding"/> slots of each row are padding (0, 0).</summary>
    public static (long[] Ids, float[] Values) RandomRows(Random random, int rows, int width, int features, int padding)
    {
        var ids = new long[rows * width];
        var values = new float[rows * width];
        for (var n = 0; n < rows; n++)
        {
            for (var l = 0; l < width - padding; l++)
            {
                ids[n * width + l] = random.Next(features);
                values[n * width + l] = (float)random.NextDouble();
            }
        }

        return (ids, values);
    }

    public static double[] SparseLogits(float[,] weights, float[] bias, long[] ids, float[] values, int rows, int width)
    {
        var outputs = bias.Length;
        var logits = new double[rows * outputs];
        for (var n = 0; n < rows; n++)
        {
            for (var k = 0; k < outputs; k++)
            {
                double sum = bias[k];
                for (var l = 0; l < width; l++)
                {
                    sum += values[n * width + l] * (double)weights[ids[n * width + l], k];
                }

                logits[n * outputs + k] = sum;
            }
        }

        return logits;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Every actual value within <see cref="Tolerance"/> of the expected one (relative above magnitude 1).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<float> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var allowed = Tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= allowed, $"value {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
