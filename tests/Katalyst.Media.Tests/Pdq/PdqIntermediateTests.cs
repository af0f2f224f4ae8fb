using System.Globalization;
using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

/// <summary>The stages against the reference's own intermediate values, float32 bit pattern by bit pattern.</summary>
public sealed class PdqIntermediateTests
{
    [Fact]
    public void Matrix_BuiltWithMathCos_MatchesReferenceBitPatterns()
    {
        var expected = BitPatterns(File.ReadLines(PdqReference.Expected("dct-matrix-16x64-float32-bits.txt")).Where(l => !l.StartsWith('#')));

        var actual = PdqDct.Matrix.Select(BitConverter.SingleToUInt32Bits).ToArray();

        Assert.Equal(16 * 64, expected.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void BlurAndDecimate_Q0122_MatchesReferenceGrid()
    {
        var lines = File.ReadAllLines(PdqReference.Expected("intermediates-q0122.decoded.txt"));
        var expected = BitPatterns(lines.Skip(4).Take(64));
        using var image = new ImageDecoder().Decode(Path.Combine(PdqReference.Data, "vectors", "q0122.decoded.png"));
        var pixels = image.Pixels;

        var grid = new float[64 * 64];
        JaroszBlur.BlurAndDecimate(new RgbaLuma(pixels.Bytes, pixels.Width, pixels.RowBytes), pixels.Width, pixels.Height, grid);

        Assert.Equal(expected, grid.Select(BitConverter.SingleToUInt32Bits).ToArray());
    }

    [Fact]
    public void Transform_Q0122Grid_MatchesReferenceBlock()
    {
        var lines = File.ReadAllLines(PdqReference.Expected("intermediates-q0122.decoded.txt"));
        var grid = BitPatterns(lines.Skip(4).Take(64)).Select(BitConverter.UInt32BitsToSingle).ToArray();
        var expected = BitPatterns(lines.Skip(69).Take(16));

        var block = new float[16 * 16];
        PdqDct.Transform(grid, block);

        Assert.Equal(expected, block.Select(BitConverter.SingleToUInt32Bits).ToArray());
    }

    private static uint[] BitPatterns(IEnumerable<string> lines) =>
        [.. lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => uint.Parse(w, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
}
