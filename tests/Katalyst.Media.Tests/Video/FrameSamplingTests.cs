using Katalyst.Media.Video;

namespace Katalyst.Media.Tests.Video;

public sealed class FrameSamplingTests
{
    [Theory]
    [InlineData(4, 2.0, 64, 4, 0.5)]
    [InlineData(100, 2.0, 8, 8, 0.25)]
    [InlineData(1, 10.0, 64, 1, 10.0)]
    public void Plan_Evenly_SpreadsOverTheWindow(int count, double window, int maxFrames, int frames, double interval)
    {
        var plan = FrameSampling.Evenly(count).Plan(TimeSpan.FromSeconds(window), maxFrames);

        Assert.Equal((frames, TimeSpan.FromSeconds(interval)), plan);
    }

    [Theory]
    [InlineData(0.5, 2.0, 64, 4)]
    [InlineData(0.3, 2.0, 64, 7)]
    [InlineData(5.0, 2.0, 64, 1)]
    [InlineData(0.01, 3600.0, 64, 64)]
    public void Plan_Every_CountsTicksWithinTheWindow(double every, double window, int maxFrames, int frames)
    {
        var plan = FrameSampling.Every(TimeSpan.FromSeconds(every)).Plan(TimeSpan.FromSeconds(window), maxFrames);

        Assert.Equal((frames, TimeSpan.FromSeconds(every)), plan);
    }

    [Fact]
    public void Evenly_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSampling.Evenly(0));
    }
}
