namespace Katalyst.Models.Tests.Parity;

/// <summary>
/// The benign parity images, drawn by the same integer formulas as <c>tools/parity/inputs.mjs</c>, so C# feeds the
/// converted model exactly the pixels TF.js was fed when the fixtures were computed.
/// </summary>
internal static class ParityInputs
{
    /// <summary>Channel value 0..255 of pixel (x, y), channel c, of recipe <paramref name="recipe"/> at side <paramref name="size"/>.</summary>
    public static int Pixel(string recipe, int x, int y, int c, int size) => recipe switch
    {
        "gradient" => c switch
        {
            0 => x * 255 / (size - 1),
            1 => y * 255 / (size - 1),
            _ => (x + y) * 255 / (2 * (size - 1)),
        },
        "rings" => Rings(x, y, c, size),
        "checker" => ((x / 16) + (y / 16)) % 2 == 0 ? new[] { 200, 60, 30 }[c] : new[] { 20, 120, 220 }[c],
        _ => throw new ArgumentException($"Unknown parity recipe '{recipe}'; inputs.mjs and ParityInputs must draw the same ones.", nameof(recipe)),
    };

    /// <summary>An NHWC float32 batch of the recipes, each channel value v mapped by <paramref name="scale"/> (computed in double, as JS does).</summary>
    public static float[] Batch(IReadOnlyList<string> recipes, int size, Func<double, double> scale)
    {
        var data = new float[recipes.Count * size * size * 3];
        var i = 0;
        foreach (var recipe in recipes)
        {
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        data[i++] = (float)scale(Pixel(recipe, x, y, c, size));
                    }
                }
            }
        }

        return data;
    }

    private static int Rings(int x, int y, int c, int size)
    {
        var (dx, dy) = (x - size / 2, y - size / 2);
        return (dx * dx + dy * dy) / (16 * (c + 1)) % 256;
    }
}
