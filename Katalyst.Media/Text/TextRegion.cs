namespace Katalyst.Media.Text;

/// <summary>
/// A box where the detector sees text, in the pixels of the image it was given (origin top left), axis-aligned.
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, at least one pixel.</param>
/// <param name="Height">Height, at least one pixel.</param>
/// <param name="Score">The mean text probability over the box, 0 to 1 (PaddleOCR's box score).</param>
public readonly record struct TextRegion(int X, int Y, int Width, int Height, float Score)
{
    /// <summary>Right edge (exclusive).</summary>
    public int Right => X + Width;

    /// <summary>Bottom edge (exclusive).</summary>
    public int Bottom => Y + Height;
}

/// <summary>What <see cref="TextDetector"/> found in one image.</summary>
/// <param name="Regions">The text regions, top to bottom then left to right; empty when there is no text.</param>
/// <param name="InputWidth">The width the image was resized to for the model (a multiple of 32).</param>
/// <param name="InputHeight">The height the image was resized to for the model (a multiple of 32).</param>
public sealed record TextDetection(IReadOnlyList<TextRegion> Regions, int InputWidth, int InputHeight)
{
    /// <summary>Whether the image holds any text at all: the signal scoring uses.</summary>
    public bool TextPresent => Regions.Count > 0;
}
