using Katalyst.Media.Text;

namespace Katalyst.Media.Tests.Text;

public sealed class DbPostProcessTests
{
    private const int Width = 64;
    private const int Height = 32;

    [Fact]
    public void Regions_OneBlob_GivesUnclippedBoxScaledToImage()
    {
        var map = Map((10, 8, 20, 6, 0.9f));

        var regions = DbPostProcess.Regions(map, Width, Height, 2 * Width, 2 * Height, new TextDetectionOptions());

        // 20 x 6 grows by 1.5 x 120 / 52 = 3.46 on every side, then doubles.
        var region = Assert.Single(regions);
        Assert.Equal((13, 9, 54, 26), (region.X, region.Y, region.Width, region.Height));
        Assert.Equal(0.9f, region.Score, 3);
    }

    [Fact]
    public void Regions_NoUnclip_KeepsTheBlobsBox()
    {
        var map = Map((10, 8, 20, 6, 0.9f));

        var region = Assert.Single(DbPostProcess.Regions(map, Width, Height, Width, Height, new TextDetectionOptions { UnclipRatio = 0 }));

        Assert.Equal((10, 8, 20, 6), (region.X, region.Y, region.Width, region.Height));
    }

    [Fact]
    public void Regions_WeakOrThinOrNoBlobs_AreDropped()
    {
        var weak = Map((10, 8, 20, 6, 0.5f)); // above the pixel threshold, below the box threshold
        var thin = Map((10, 8, 20, 2, 0.9f)); // shorter side under MinSide
        var options = new TextDetectionOptions();

        Assert.Empty(DbPostProcess.Regions(weak, Width, Height, Width, Height, options));
        Assert.Empty(DbPostProcess.Regions(thin, Width, Height, Width, Height, options));
        Assert.Empty(DbPostProcess.Regions(new float[Width * Height], Width, Height, Width, Height, options));
    }

    [Fact]
    public void Regions_SeveralBlobs_OrderedTopToBottomThenLeftToRight_CappedAtMaxRegions()
    {
        var map = Map((40, 20, 10, 6, 0.9f), (2, 2, 12, 5, 0.9f), (30, 2, 20, 5, 0.9f));

        var all = DbPostProcess.Regions(map, Width, Height, Width, Height, new TextDetectionOptions { UnclipRatio = 0 });
        var largest = DbPostProcess.Regions(map, Width, Height, Width, Height, new TextDetectionOptions { UnclipRatio = 0, MaxRegions = 1 });

        Assert.Equal([(2, 2), (30, 2), (40, 20)], all.Select(r => (r.X, r.Y)));
        Assert.Equal((30, 2), (Assert.Single(largest).X, largest[0].Y));
    }

    [Fact]
    public void Regions_DiagonalTouch_IsOneRegion()
    {
        var map = Map((4, 4, 6, 6, 0.9f), (10, 10, 6, 6, 0.9f));

        var region = Assert.Single(DbPostProcess.Regions(map, Width, Height, Width, Height, new TextDetectionOptions { UnclipRatio = 0, BoxThreshold = 0.1f }));

        Assert.Equal((4, 4, 12, 12), (region.X, region.Y, region.Width, region.Height));
    }

    private static float[] Map(params (int X, int Y, int W, int H, float P)[] blobs)
    {
        var map = new float[Width * Height];
        foreach (var (x0, y0, w, h, p) in blobs)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                Array.Fill(map, p, (y * Width) + x0, w);
            }
        }

        return map;
    }
}
