namespace Katalyst.Media.Pdq;

/// <summary>The eight rotations and flips PDQ hashes from one DCT, in upstream's output order.</summary>
public enum PdqDihedral
{
    /// <summary>The image as it is.</summary>
    Original = 0,

    /// <summary>Rotated 90 degrees counter-clockwise.</summary>
    Rotate90 = 1,

    /// <summary>Rotated 180 degrees.</summary>
    Rotate180 = 2,

    /// <summary>Rotated 90 degrees clockwise.</summary>
    Rotate270 = 3,

    /// <summary>Top and bottom swapped (mirrored across the horizontal axis).</summary>
    FlipX = 4,

    /// <summary>Left and right swapped (mirror image).</summary>
    FlipY = 5,

    /// <summary>Transposed: upper-left and lower-right corners stay.</summary>
    FlipPlus1 = 6,

    /// <summary>Anti-transposed: upper-right and lower-left corners stay.</summary>
    FlipMinus1 = 7,
}
