namespace Katalyst.Media.Pdq;

/// <summary>
/// Meta's PDQ perceptual hash, bit-identical to the reference C++ library on the same pixels: float32 luminance, two
/// Jarosz box-filter passes, 64 x 64 decimation, the 16 x 16 DCT, median threshold, quality and the eight dihedral
/// variants. Hashes full-resolution pixels (as Meta's HMA and the Java and Python ports do), never a pre-resized copy.
/// Stateless and thread-safe; scratch memory comes from the shared array pool.
/// </summary>
public static class PdqHasher
{
    /// <summary>Images narrower or shorter than this hash to all zeros with quality 0, as upstream.</summary>
    public const int MinimumSide = 5;

    private const int Grid = JaroszBlur.Grid;
    private const int BlockValues = PdqDct.Size * PdqDct.Size;

    /// <summary>Hashes 8-bit pixels, grey or R, G, B, A (alpha ignored, never premultiplied).</summary>
    public static PdqResult Hash(PixelSpan pixels)
    {
        Span<float> block = stackalloc float[BlockValues];
        var quality = Analyse(pixels, block, dihedral: false);
        return quality < 0 ? default : new PdqResult(PdqBits.Threshold(block), quality);
    }

    /// <summary>The eight dihedral hashes of 8-bit pixels, in <see cref="PdqDihedral"/> order, from one DCT.</summary>
    public static PdqDihedralResult HashDihedral(PixelSpan pixels)
    {
        Span<float> block = stackalloc float[BlockValues];
        var quality = Analyse(pixels, block, dihedral: true);
        if (quality < 0)
        {
            return new PdqDihedralResult(new PdqHash[8], 0);
        }

        var hashes = new PdqHash[8];
        Span<float> variant = stackalloc float[BlockValues];
        for (var v = 0; v < hashes.Length; v++)
        {
            PdqBits.Dihedral(block, (PdqDihedral)v, variant);
            hashes[v] = PdqBits.Threshold(variant);
        }

        return new PdqDihedralResult(hashes, quality);
    }

    /// <summary>Hashes a float32 luminance plane the caller computed (row-major, <paramref name="width"/> values a row).</summary>
    public static PdqResult HashLuminance(ReadOnlySpan<float> luminance, int width, int height)
    {
        PixelSpan.Check(width, height);
        if (luminance.Length < width * height)
        {
            throw new ArgumentException($"A {width} x {height} plane needs {width * height} values, not {luminance.Length}.", nameof(luminance));
        }

        if (width < MinimumSide || height < MinimumSide)
        {
            return default;
        }

        Span<float> grid = stackalloc float[Grid * Grid];
        if (width == Grid && height == Grid)
        {
            luminance[..(Grid * Grid)].CopyTo(grid);
        }
        else
        {
            JaroszBlur.BlurAndDecimate(new PlaneLuma(luminance, width), width, height, grid);
        }

        Span<float> block = stackalloc float[BlockValues];
        var quality = PdqBits.Quality(grid);
        PdqDct.Transform(grid, block);
        return new PdqResult(PdqBits.Threshold(block), quality);
    }

    // Fills the DCT block and returns the quality, or -1 for an image too small to hash. Upstream's plain entry point
    // uses a 64 x 64 image as the grid directly (video frames scaled by ffmpeg); its dihedral entry point always blurs.
    private static int Analyse(PixelSpan pixels, Span<float> block, bool dihedral)
    {
        var (width, height) = (pixels.Width, pixels.Height);
        if (width < MinimumSide || height < MinimumSide)
        {
            return -1;
        }

        Span<float> grid = stackalloc float[Grid * Grid];
        var blur = dihedral || width != Grid || height != Grid;
        if (pixels.Layout == PixelLayout.Grey8)
        {
            Decimate(new GreyLuma(pixels.Bytes, width, pixels.RowBytes), width, height, grid, blur);
        }
        else if (RgbaLuma.IsGrey(pixels.Bytes, width, height, pixels.RowBytes))
        {
            Decimate(new GreyRgbaLuma(pixels.Bytes, width, pixels.RowBytes), width, height, grid, blur);
        }
        else
        {
            Decimate(new RgbaLuma(pixels.Bytes, width, pixels.RowBytes), width, height, grid, blur);
        }

        var quality = PdqBits.Quality(grid);
        PdqDct.Transform(grid, block);
        return quality;
    }

    private static void Decimate<TSource>(scoped in TSource source, int width, int height, Span<float> grid, bool blur)
        where TSource : ILumaSource, allows ref struct
    {
        if (blur)
        {
            JaroszBlur.BlurAndDecimate(source, width, height, grid);
            return;
        }

        for (var i = 0; i < Grid; i++)
        {
            source.ReadRow(i, grid.Slice(i * Grid, Grid));
        }
    }
}
