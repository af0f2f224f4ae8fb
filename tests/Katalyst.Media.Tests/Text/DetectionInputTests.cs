using Katalyst.Media.Text;

namespace Katalyst.Media.Tests.Text;

public sealed class DetectionInputTests
{
    [Theory]
    [InlineData(640, 200, 960, 640, 192)]
    [InlineData(100, 50, 960, 96, 64)]
    [InlineData(10, 10, 960, 32, 32)]
    [InlineData(4000, 3000, 960, 960, 736)]
    [InlineData(3000, 4000, 960, 736, 960)]
    public void Size_GivenImage_CapsLongSideAndRoundsTo32(int width, int height, int maxSide, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), DetectionInput.Size(width, height, maxSide));
    }

    [Fact]
    public void Fill_SolidColour_NormalisesInBgrOrderWithImageNetMeanAndStd()
    {
        var (png, _) = RenderedText.Draw("", RenderedText.LatinFont, width: 64, height: 32);
        using var image = RenderedText.Decode(png); // background (250, 248, 240) everywhere
        var tensor = new float[3 * 64 * 32];

        DetectionInput.Fill(image, 64, 32, tensor);

        var plane = 64 * 32;
        Assert.Equal(((240 / 255f) - 0.485f) / 0.229f, tensor[0], 3); // blue first, as OpenCV reads
        Assert.Equal(((248 / 255f) - 0.456f) / 0.224f, tensor[plane + 100], 3);
        Assert.Equal(((250 / 255f) - 0.406f) / 0.225f, tensor[(2 * plane) + plane - 1], 3);
    }

    [Fact]
    public void Fill_TooSmallDestination_Throws()
    {
        using var image = RenderedText.Decode(RenderedText.Gradient(64, 32));

        Assert.Throws<ArgumentException>(() => DetectionInput.Fill(image, 64, 32, new float[(3 * 64 * 32) - 1]));
    }
}
