using Katalyst.Media.Tests.Text;
using Katalyst.Media.Video;

namespace Katalyst.Media.Tests.Video;

public sealed class PngStreamTests
{
    [Fact]
    public void Split_ThreePngsBackToBack_GivesEachWhole()
    {
        var a = RenderedText.Gradient(40, 30);
        var b = RenderedText.Gradient(20, 10);

        var parts = PngStream.Split(a.Concat(b).Concat(a).ToArray());

        Assert.Equal([a.Length, b.Length, a.Length], parts.Select(p => p.Length));
        Assert.Equal(b, parts[1].ToArray());
    }

    [Fact]
    public void Split_Empty_GivesNone()
    {
        Assert.Empty(PngStream.Split(ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public void Split_CutShort_ThrowsNamingWhereThePngStarts()
    {
        var a = RenderedText.Gradient(40, 30);

        var ex = Assert.Throws<InvalidDataException>(() => PngStream.Split(a.Concat(a.AsSpan(0, a.Length - 5).ToArray()).ToArray()));

        Assert.Contains($"starts at byte {a.Length}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_NotPng_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PngStream.Split("not a png at all"u8.ToArray()));
    }
}
