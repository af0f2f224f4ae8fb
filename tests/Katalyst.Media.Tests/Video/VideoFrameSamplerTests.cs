using Katalyst.Media.ExternalTools;
using Katalyst.Media.Tests.Text;
using Katalyst.Media.Video;
using Microsoft.Extensions.Options;

namespace Katalyst.Media.Tests.Video;

// One class, so its tests run one after another and the temporary-folder check sees only its own.
public sealed class VideoFrameSamplerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SampleAsync_EveryHalfSecond_TakesFramesAtTheirTimestamps()
    {
        using var video = await new VideoFrameSampler().SampleAsync(SyntheticVideo.TestCard(), "card.mp4", FrameSampling.Every(TimeSpan.FromSeconds(0.5)), Token);

        Assert.Equal([0.0, 0.5, 1.0, 1.5], video.Frames.Select(f => f.Timestamp.TotalSeconds));
        Assert.All(video.Frames, f => Assert.Equal((160, 120), (f.Image.Width, f.Image.Height)));
        Assert.Equal((160, 120, false), (video.Width, video.Height, video.Truncated));
        Assert.Equal(2.0, video.Duration.TotalSeconds, 1);
        Assert.Contains("mp4", video.Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleAsync_Evenly_FramesShowTheirMoment()
    {
        using var video = await new VideoFrameSampler().SampleAsync(SyntheticVideo.Clock(), "clock.mkv", FrameSampling.Evenly(5), Token);

        Assert.Equal([0.0, 0.4, 0.8, 1.2, 1.6], video.Frames.Select(f => Math.Round(f.Timestamp.TotalSeconds, 3)));
        foreach (var frame in video.Frames)
        {
            // Luma 16 + 100 t in limited range is full-range grey (100 t) x 255 / 219.
            var expected = 100 * frame.Timestamp.TotalSeconds * 255 / 219;
            var pixels = frame.Image.Pixels;
            var centre = ((pixels.Height / 2) * pixels.RowBytes) + (4 * (pixels.Width / 2));
            Assert.InRange(pixels.Bytes[centre], expected - 6, expected + 6);
        }
    }

    [Fact]
    public async Task SampleAsync_MoreFramesThanAllowed_CapsAtMaxFramesAndSaysTruncated()
    {
        var sampler = new VideoFrameSampler(Options.Create(new VideoSamplingOptions { MaxFrames = 8 }));

        using var video = await sampler.SampleAsync(SyntheticVideo.TestCard(), "card.mp4", FrameSampling.Evenly(100), Token);

        Assert.Equal(8, video.Frames.Count);
        Assert.Equal(0.25, video.Frames[1].Timestamp.TotalSeconds, 6);
        Assert.True(video.Truncated);
    }

    [Fact]
    public async Task SampleAsync_LongerThanMaxDuration_SamplesOnlyTheStart()
    {
        var sampler = new VideoFrameSampler(Options.Create(new VideoSamplingOptions { MaxDurationSeconds = 1 }));

        using var video = await sampler.SampleAsync(SyntheticVideo.TestCard(), "card.mp4", FrameSampling.Every(TimeSpan.FromSeconds(0.25)), Token);

        Assert.Equal([0.0, 0.25, 0.5, 0.75], video.Frames.Select(f => f.Timestamp.TotalSeconds));
        Assert.True(video.Truncated);
        Assert.Equal(2.0, video.Duration.TotalSeconds, 1);
    }

    [Fact]
    public async Task SampleAsync_LargeFrames_ShrinksToMaxFrameSide()
    {
        var sampler = new VideoFrameSampler(Options.Create(new VideoSamplingOptions { MaxFrameSide = 320 }));

        using var video = await sampler.SampleAsync(SyntheticVideo.TestCard(1, 640, 480), "card.mp4", FrameSampling.Evenly(2), Token);

        Assert.Equal((640, 480), (video.Width, video.Height));
        Assert.All(video.Frames, f => Assert.Equal((320, 240), (f.Image.Width, f.Image.Height)));
    }

    [Fact]
    public async Task SampleAsync_TruncatedMp4_ThrowsNamingFile()
    {
        var bytes = SyntheticVideo.TestCard();

        var ex = await Assert.ThrowsAsync<VideoFileException>(() => new VideoFrameSampler().SampleAsync(bytes.AsMemory(0, bytes.Length / 2), "cut.mp4", FrameSampling.Evenly(4), Token));

        Assert.StartsWith("cut.mp4 ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("cut.mp4", ex.Name);
    }

    [Fact]
    public async Task SampleAsync_Text_ThrowsNotAVideo()
    {
        var ex = await Assert.ThrowsAsync<VideoFileException>(() => new VideoFrameSampler().SampleAsync("synthetic notes, not a video\n"u8.ToArray(), "notes.mp4", FrameSampling.Evenly(4), Token));

        Assert.StartsWith("notes.mp4 is not a video ffprobe can read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleAsync_StillImage_ThrowsStillImageWhateverItsName()
    {
        var ex = await Assert.ThrowsAsync<VideoFileException>(() => new VideoFrameSampler().SampleAsync(RenderedText.Gradient(), "looks-like.mp4", FrameSampling.Evenly(4), Token));

        Assert.Equal("looks-like.mp4 is a still image ('png_pipe'), not a video.", ex.Message);
    }

    [Fact]
    public async Task SampleAsync_Empty_ThrowsEmpty()
    {
        var ex = await Assert.ThrowsAsync<VideoFileException>(() => new VideoFrameSampler().SampleAsync(ReadOnlyMemory<byte>.Empty, "empty.mp4", FrameSampling.Evenly(4), Token));

        Assert.Equal("empty.mp4 is empty, not a video.", ex.Message);
    }

    [Fact]
    public async Task SampleAsync_NoFfmpegInFolder_ThrowsNamingDebianPackage()
    {
        var empty = Directory.CreateTempSubdirectory("katalyst-no-ffmpeg-");
        try
        {
            var sampler = new VideoFrameSampler(Options.Create(new VideoSamplingOptions { FfmpegFolder = empty.FullName }));

            var ex = await Assert.ThrowsAsync<MissingToolException>(() => sampler.SampleAsync(SyntheticVideo.TestCard(), "card.mp4", FrameSampling.Evenly(2), Token));

            Assert.Equal("ffmpeg", ex.Package);
            Assert.Contains("'ffprobe' in " + empty.FullName, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public async Task SampleAsync_AnyOutcome_LeavesNoTemporaryFolder()
    {
        static int Count() => new DirectoryInfo(Path.GetTempPath()).GetDirectories("katalyst-video-*").Length;
        var before = Count();

        (await new VideoFrameSampler().SampleAsync(SyntheticVideo.TestCard(), "card.mp4", FrameSampling.Evenly(2), Token)).Dispose();
        await Assert.ThrowsAsync<VideoFileException>(() => new VideoFrameSampler().SampleAsync("x"u8.ToArray(), "x.mp4", FrameSampling.Evenly(2), Token));

        Assert.Equal(before, Count());
    }

    [Fact]
    public void Constructor_BadOption_ThrowsNamingKey()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new VideoFrameSampler(Options.Create(new VideoSamplingOptions { MaxFrames = 0 })));

        Assert.Contains("Media:Video:MaxFrames", ex.Message, StringComparison.Ordinal);
    }
}
