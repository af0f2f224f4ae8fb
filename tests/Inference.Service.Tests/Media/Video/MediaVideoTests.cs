using System.Security.Cryptography;
using Katalyst.Inference.Tests.HashSets;
using Katalyst.Inference.Tests.Media.Models;
using Katalyst.Media.Pdq;
using Katalyst.Media.Video;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Tests.Media.Video;

/// <summary>
/// Videos through <c>Media.Analyze</c> over a real gRPC channel: frames sampled by Debian's ffmpeg (without it these fail
/// naming the package), each with its timestamp, PDQ, matches, signals and text.
/// </summary>
public sealed class MediaVideoTests
{
    private static readonly Dictionary<string, string> FourFrames = new() { ["Media:Analysis:VideoFrames"] = "4" };

    [Fact]
    public async Task Analyze_SyntheticVideo_FramesWithTimestampsHashesAndSignals()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync(), FourFrames);
        var bytes = SyntheticVideos.TestCard();

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "card.mp4", bytes);

        Assert.Equal((ImageStatus.NotImage, Convert.ToHexStringLower(SHA256.HashData(bytes))), (analysis.Image, analysis.Sha256));
        var video = analysis.Video;
        Assert.Equal(("", false, 4), (video.Problem, video.Truncated, video.FramesSampled));
        Assert.Contains("mp4", video.Format, StringComparison.Ordinal);
        Assert.Equal(2.0, video.DurationSeconds, 1);
        Assert.Equal([0.0, 0.5, 1.0, 1.5], video.Frames.Select(f => Math.Round(f.TimestampSeconds, 3)));
        Assert.All(video.Frames, f =>
        {
            Assert.Matches("^[0-9a-f]{64}$", f.Pdq);
            Assert.Equal(1280, f.Signals.Embedding.Count);
            var c = f.Signals.ExplicitContent;
            Assert.Equal(1.0, c.Drawing + c.Hentai + c.Neutral + c.Porn + c.Sexy, 4);
            Assert.NotNull(f.Text);
        });
        Assert.Equal(4, video.Frames.Select(f => f.Pdq).Distinct().Count());
        Assert.Equal("", analysis.SignalsProblem);
    }

    [Fact]
    public async Task Analyze_VideoWithAKnownFrame_ReportsTheFrameMatchAndTheFileMatch()
    {
        var bytes = SyntheticVideos.TestCard();
        var (timestamp, pdq) = await BestFrameAsync(bytes);
        using var server = new HashSetsServer();
        server.Import("ncmec", $"pdq,{pdq},A1,NCMEC\n");
        server.Start(FourFrames);

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "card.mp4", bytes);

        var frame = Assert.Single(analysis.Video.Frames, f => f.Matches.Count > 0 && f.Matches.Any(m => m.Match.Distance == 0));
        Assert.Equal(timestamp, frame.TimestampSeconds, 3);
        Assert.Equal(pdq, frame.Pdq);
        Assert.Contains(analysis.Matches, m => m is { HashType: HashType.Pdq, Match: { Set: "ncmec", Category: "A1", Distance: 0 } });
        Assert.Null(frame.Signals);
        Assert.Contains("Media:Models:Enabled", analysis.SignalsProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_TruncatedVideo_ProblemNamingTheFileAndStillItsHashes()
    {
        var whole = SyntheticVideos.TestCard();
        var cut = whole.AsSpan(0, whole.Length / 2).ToArray();
        using var server = new HashSetsServer();
        server.Import("local", $"sha256,{Convert.ToHexStringLower(SHA256.HashData(cut))},B1,Local\n");
        server.Start();

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "cut.mp4", cut);

        Assert.Equal((Convert.ToHexStringLower(MD5.HashData(cut)), (long)cut.Length), (analysis.Md5, analysis.ByteLength));
        Assert.Equal(HashType.Sha256, Assert.Single(analysis.Matches).HashType);
        Assert.Empty(analysis.Video.Frames);
        Assert.StartsWith("cut.mp4 ", analysis.Video.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MoreFramesAskedThanTheBound_CutShortNamingTheKey()
    {
        using var server = new HashSetsServer();
        server.Start(new Dictionary<string, string> { ["Media:Analysis:VideoFrames"] = "8", ["Media:Video:MaxFrames"] = "3" });

        var video = (await MediaCalls.AnalyzeAsync(server.Channel, "card.mp4", SyntheticVideos.TestCard())).Video;

        Assert.Equal((3, 3, true), (video.FramesSampled, video.Frames.Count, video.Truncated));
        Assert.Contains("Media:Video:MaxFrames", video.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_FfmpegMissing_ProblemNamesTheDebianPackageAndToolsDegraded()
    {
        var empty = Directory.CreateTempSubdirectory("katalyst-no-ffmpeg-").FullName;
        try
        {
            using var server = new HashSetsServer();
            server.Start(new Dictionary<string, string> { ["Media:Video:FfmpegFolder"] = empty });

            var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "card.mp4", SyntheticVideos.TestCard());
            var tools = await MediaHealth.ReadyEntryAsync(server.Services, "media-tools");

            Assert.Empty(analysis.Video.Frames);
            Assert.Contains("apt-get install ffmpeg", analysis.Video.Problem, StringComparison.Ordinal);
            Assert.StartsWith("card.mp4: ", analysis.Video.Problem, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Degraded, tools.Status);
            Assert.Contains("ffmpeg", tools.Description, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task Analyze_Picture_NoVideo()
    {
        using var server = new HashSetsServer();
        server.Start();
        using var picture = DrawnImages.Draw(31);

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture));

        Assert.Equal(ImageStatus.Image, analysis.Image);
        Assert.Null(analysis.Video);
    }

    // The frame of the four the service samples with the best PDQ quality, sampled here as the service does.
    private static async Task<(double Timestamp, string Pdq)> BestFrameAsync(byte[] bytes)
    {
        using var video = await new VideoFrameSampler(Options.Create(new VideoSamplingOptions()))
            .SampleAsync(bytes, "card.mp4", FrameSampling.Evenly(4), TestContext.Current.CancellationToken);
        var best = video.Frames.Select(f => (f.Timestamp, Pdq: PdqHasher.Hash(f.Image.Pixels))).MaxBy(f => f.Pdq.Quality);
        Assert.InRange(best.Pdq.Quality, 50, 100);
        return (best.Timestamp.TotalSeconds, best.Pdq.Hash.ToString());
    }
}
