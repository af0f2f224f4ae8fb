using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Katalyst.Media.Pdq;

/// <summary>Yields an image's luminance one row at a time, as float32 exactly as the reference computes it.</summary>
internal interface ILumaSource
{
    /// <summary>Writes the luminance of row <paramref name="row"/> (width values) into <paramref name="destination"/>.</summary>
    void ReadRow(int row, Span<float> destination);
}

/// <summary>8-bit grey pixels: the grey value itself is the luminance (no RGB formula), as upstream does for one-channel images.</summary>
internal readonly ref struct GreyLuma(ReadOnlySpan<byte> pixels, int width, int rowBytes) : ILumaSource
{
    private readonly ReadOnlySpan<byte> pixels = pixels;

    public void ReadRow(int row, Span<float> destination)
    {
        var source = pixels.Slice(row * rowBytes, width);
        for (var j = 0; j < source.Length; j++)
        {
            destination[j] = source[j];
        }
    }
}

/// <summary>
/// 8-bit R, G, B, A pixels (alpha ignored, never premultiplied): <c>Y = (0.299f*R + 0.587f*G) + 0.114f*B</c> in float32, in
/// exactly that order, which is what the reference computes for a three-channel image.
/// </summary>
internal readonly ref struct RgbaLuma(ReadOnlySpan<byte> pixels, int width, int rowBytes) : ILumaSource
{
    // The float32 values nearest 0.299, 0.587 and 0.114 (bits 3e991687, 3f1645a2, 3de978d5).
    internal const float RedWeight = 0.299f;
    internal const float GreenWeight = 0.587f;
    internal const float BlueWeight = 0.114f;

    private readonly ReadOnlySpan<byte> pixels = pixels;

    public void ReadRow(int row, Span<float> destination)
    {
        var source = pixels.Slice(row * rowBytes, width * 4);
        var packed = MemoryMarshal.Cast<byte, uint>(source);
        var j = 0;

        // Eight pixels at a time: each lane does the scalar formula's three multiplies and two adds in the same order.
        var mask = Vector256.Create(0xFFu);
        var red = Vector256.Create(RedWeight);
        var green = Vector256.Create(GreenWeight);
        var blue = Vector256.Create(BlueWeight);
        for (; j <= width - Vector256<uint>.Count; j += Vector256<uint>.Count)
        {
            var p = Vector256.Create(packed.Slice(j, Vector256<uint>.Count));
            var r = Vector256.ConvertToSingle((p & mask).AsInt32());
            var g = Vector256.ConvertToSingle(((p >> 8) & mask).AsInt32());
            var b = Vector256.ConvertToSingle(((p >> 16) & mask).AsInt32());
            ((red * r) + (green * g) + (blue * b)).CopyTo(destination[j..]);
        }

        for (var p = j * 4; j < width; j++, p += 4)
        {
            destination[j] = ((RedWeight * source[p]) + (GreenWeight * source[p + 1])) + (BlueWeight * source[p + 2]);
        }
    }

    /// <summary>
    /// True when every pixel has R == G == B. The reference's decoder (ImageMagick) hands such an image over as grey, and
    /// the grey value differs from the RGB formula in the last bit for 35 of the 256 levels, so such images take the grey path.
    /// </summary>
    public static bool IsGrey(ReadOnlySpan<byte> pixels, int width, int height, int rowBytes)
    {
        for (var i = 0; i < height; i++)
        {
            // Little-endian R, G, B, A in each uint: R == G and G == B when the low 16 bits of p ^ (p >> 8) are zero.
            var row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(i * rowBytes, width * 4));
            var j = 0;
            var mask = Vector256.Create(0xFFFFu);
            for (; j <= row.Length - Vector256<uint>.Count; j += Vector256<uint>.Count)
            {
                var p = Vector256.Create(row.Slice(j, Vector256<uint>.Count));
                if (((p ^ (p >> 8)) & mask) != Vector256<uint>.Zero)
                {
                    return false;
                }
            }

            for (; j < row.Length; j++)
            {
                if (((row[j] ^ (row[j] >> 8)) & 0xFFFF) != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>A luminance plane the caller already holds (row-major, width values a row), e.g. a video frame.</summary>
internal readonly ref struct PlaneLuma(ReadOnlySpan<float> plane, int width) : ILumaSource
{
    private readonly ReadOnlySpan<float> plane = plane;

    public void ReadRow(int row, Span<float> destination) => plane.Slice(row * width, width).CopyTo(destination);
}

/// <summary>RGB pixels packed for the grey path: luminance is read from the red byte of R, G, B, A pixels known to be grey.</summary>
internal readonly ref struct GreyRgbaLuma(ReadOnlySpan<byte> pixels, int width, int rowBytes) : ILumaSource
{
    private readonly ReadOnlySpan<byte> pixels = pixels;

    public void ReadRow(int row, Span<float> destination)
    {
        var source = pixels.Slice(row * rowBytes, width * 4);
        for (int j = 0, p = 0; j < width; j++, p += 4)
        {
            destination[j] = source[p];
        }
    }
}
