namespace Katalyst.Synthetic.Media;

/// <summary>The benign patterns the generator draws. Nothing else is ever drawn.</summary>
internal enum Pattern
{
    Gradient,
    Circles,
    Stripes,
    Checkerboard,
    Shapes,
    Noise,
}

/// <summary>How a picture's pixels are encoded.</summary>
internal enum ImageEncoding
{
    Png,
    Jpeg,
}

/// <summary>Everything needed to redraw a picture exactly: pattern, parameters seed, size.</summary>
internal sealed record PictureSpec(Pattern Pattern, int Seed, int Width, int Height);

/// <summary>RGB pixels, three bytes per pixel, row-major.</summary>
internal sealed record Pixels(int Width, int Height, byte[] Rgb);
