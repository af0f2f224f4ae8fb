namespace Katalyst.Media.Pdq;

/// <summary>The 16 x 16 DCT block to hash bits, the eight dihedral rearrangements of the block, and the quality metric.</summary>
internal static class PdqBits
{
    private const int Size = PdqDct.Size;
    private const int Grid = JaroszBlur.Grid;

    /// <summary>
    /// Bit <c>16 i + j</c> is set when <c>block[i][j]</c> is strictly greater than the median (the 128th smallest of the 256
    /// values, which is what upstream's Torben selection returns).
    /// </summary>
    public static PdqHash Threshold(ReadOnlySpan<float> block)
    {
        Span<float> sorted = stackalloc float[Size * Size];
        block[..(Size * Size)].CopyTo(sorted);
        sorted.Sort();
        var median = sorted[(Size * Size / 2) - 1];

        Span<ulong> words = stackalloc ulong[4];
        words.Clear();
        for (var k = 0; k < Size * Size; k++)
        {
            if (block[k] > median)
            {
                words[k / 64] |= 1UL << (k % 64);
            }
        }

        return PdqHash.FromWords(words);
    }

    /// <summary>
    /// Writes the block of a rotation or flip of the image, from upstream's table: sign flips of the odd frequencies
    /// (even indices) and, for the variants that swap axes, a transpose. Negation is exact, so these stay bit-exact.
    /// </summary>
    public static void Dihedral(ReadOnlySpan<float> block, PdqDihedral variant, Span<float> result)
    {
        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                var value = block[(i * Size) + j];
                var iOdd = (i & 1) == 1;
                var jOdd = (j & 1) == 1;
                var sumEven = ((i + j) & 1) == 0;
                var (keep, transpose) = variant switch
                {
                    PdqDihedral.Original => (true, false),
                    PdqDihedral.Rotate90 => (jOdd, true),
                    PdqDihedral.Rotate180 => (sumEven, false),
                    PdqDihedral.Rotate270 => (iOdd, true),
                    PdqDihedral.FlipX => (iOdd, false),
                    PdqDihedral.FlipY => (jOdd, false),
                    PdqDihedral.FlipPlus1 => (true, true),
                    PdqDihedral.FlipMinus1 => (sumEven, true),
                    _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "not a dihedral variant"),
                };
                result[transpose ? (j * Size) + i : (i * Size) + j] = keep ? value : -value;
            }
        }
    }

    /// <summary>Upstream's quality: the sum of truncated vertical and horizontal gradients of the 64 x 64 grid, / 90, at most 100.</summary>
    public static int Quality(ReadOnlySpan<float> grid)
    {
        var gradients = 0;
        for (var i = 0; i < Grid - 1; i++)
        {
            for (var j = 0; j < Grid; j++)
            {
                gradients += Math.Abs((int)((grid[(i * Grid) + j] - grid[((i + 1) * Grid) + j]) * 100.0f / 255.0f));
            }
        }

        for (var i = 0; i < Grid; i++)
        {
            for (var j = 0; j < Grid - 1; j++)
            {
                gradients += Math.Abs((int)((grid[(i * Grid) + j] - grid[(i * Grid) + j + 1]) * 100.0f / 255.0f));
            }
        }

        return Math.Min(100, gradients / 90);
    }
}
