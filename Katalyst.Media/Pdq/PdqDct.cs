namespace Katalyst.Media.Pdq;

/// <summary>
/// The reference's 64 x 64 to 16 x 16 DCT: <c>B = D S D^T</c> with D the 16 x 64 float32 matrix of DCT-II basis functions
/// 1 to 16 (the DC term skipped). Every sum starts at 0.0f and adds one float product per k, k increasing, as upstream
/// does; vectorised across independent outputs only, so the result is bit-identical.
/// </summary>
internal static class PdqDct
{
    internal const int Size = 16;
    private const int Grid = JaroszBlur.Grid;

    /// <summary>D[i][k] at <c>i * 64 + k</c>.</summary>
    internal static readonly float[] Matrix = BuildMatrix();

    // D transposed: D[j][k] at k * 16 + j, so the second product runs along contiguous memory.
    private static readonly float[] MatrixTransposed = Transpose(Matrix);

    private static float[] BuildMatrix()
    {
        var matrix = new float[Size * Grid];
        var scale = (float)Math.Sqrt(2.0 / Grid);
        for (var i = 0; i < Size; i++)
        {
            for (var k = 0; k < Grid; k++)
            {
                matrix[(i * Grid) + k] = (float)(scale * Math.Cos(Math.PI / 2.0 / Grid * (i + 1) * ((2 * k) + 1)));
            }
        }

        return matrix;
    }

    private static float[] Transpose(float[] matrix)
    {
        var transposed = new float[Size * Grid];
        for (var j = 0; j < Size; j++)
        {
            for (var k = 0; k < Grid; k++)
            {
                transposed[(k * Size) + j] = matrix[(j * Grid) + k];
            }
        }

        return transposed;
    }

    /// <summary>Transforms the 64 x 64 grid (row-major) into the 16 x 16 block (row-major: vertical frequency first).</summary>
    public static void Transform(ReadOnlySpan<float> grid, Span<float> block)
    {
        Span<float> rows = stackalloc float[Size * Grid]; // T = D S
        rows.Clear();
        for (var i = 0; i < Size; i++)
        {
            var t = rows.Slice(i * Grid, Grid);
            for (var k = 0; k < Grid; k++)
            {
                var d = Matrix[(i * Grid) + k];
                var s = grid.Slice(k * Grid, Grid);
                for (var j = 0; j < Grid; j++)
                {
                    t[j] += d * s[j];
                }
            }
        }

        block[..(Size * Size)].Clear(); // B = T D^T
        for (var i = 0; i < Size; i++)
        {
            var b = block.Slice(i * Size, Size);
            var t = rows.Slice(i * Grid, Grid);
            for (var k = 0; k < Grid; k++)
            {
                var value = t[k];
                var d = MatrixTransposed.AsSpan(k * Size, Size);
                for (var j = 0; j < Size; j++)
                {
                    b[j] += value * d[j];
                }
            }
        }
    }
}
