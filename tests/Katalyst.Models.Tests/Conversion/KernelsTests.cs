using Katalyst.Models.Conversion;

namespace Katalyst.Models.Tests.Conversion;

public sealed class KernelsTests
{
    [Fact]
    public void HwioToOihw_MovesEachWeightToItsOnnxPlace()
    {
        // kH=1, kW=2, in=2, out=3: value = 100*w + 10*i + o, so its place says where it came from.
        var hwio = new float[12];
        for (var w = 0; w < 2; w++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var o = 0; o < 3; o++)
                {
                    hwio[(w * 2 + i) * 3 + o] = 100 * w + 10 * i + o;
                }
            }
        }

        var (oihw, dims) = Kernels.HwioToOihw(hwio, [1, 2, 2, 3]);

        Assert.Equal([3L, 2, 1, 2], dims);
        Assert.Equal(112f, oihw[((2 * 2) + 1) * 2 + 1]); // o=2, i=1, h=0, w=1
        Assert.Equal(10f, oihw[((0 * 2) + 1) * 2 + 0]);  // o=0, i=1, h=0, w=0
    }

    [Fact]
    public void DepthwiseToGrouped_OutputChannelIsCTimesMPlusM()
    {
        // kH=kW=1, C=2, M=3: value = 10*c + m.
        var hwcm = new float[] { 0, 1, 2, 10, 11, 12 };

        var (grouped, dims) = Kernels.DepthwiseToGrouped(hwcm, [1, 1, 2, 3]);

        Assert.Equal([6L, 1, 1, 1], dims);
        Assert.Equal(hwcm, grouped);
    }
}
