using System.Globalization;
using Katalyst.Inference.Media.Models;
using Katalyst.Inference.Media.Text;
using Katalyst.Media.ExternalTools;
using Katalyst.Media.Matching;
using Katalyst.Media.Video;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media.Video;

/// <summary>
/// Bytes that are no image, tried as a video: <see cref="VideoFrameSampler"/> (ffprobe decides by content; ffmpeg takes
/// <see cref="MediaAnalysisOptions.VideoFrames"/> frames spread evenly, within <c>Media:Video</c>'s bounds) writes them
/// to a private temporary file it deletes when done (the received bytes are only read). Each frame gets its PDQ and
/// matches, the media models' signals (frames batched together through each model's batcher) and its text (one detector
/// run over the frames, Tesseract on at most <see cref="MediaAnalysisOptions.MaxOcrImagesPerFile"/> frames with text).
/// Anything that stops sampling is <c>VideoAnalysis.problem</c>, never a failed call; the call's cancellation stops ffmpeg.
/// </summary>
public sealed partial class VideoAnalyzer(
    VideoFrameSampler sampler, FileAnalyzer analyzer, ImageSignalsAnalyzer signals, ImageTextReader text,
    IOptions<MediaAnalysisOptions> options, IOptions<VideoSamplingOptions> videoOptions, ILogger<VideoAnalyzer> logger)
{
    /// <summary>Samples and analyses the video in <paramref name="bytes"/>; <paramref name="models"/> null when the media models are not loaded.</summary>
    public async Task<VideoAnalysis> AnalyzeAsync(ArraySegment<byte> bytes, string name, KnownHashMatcher matcher, MediaModelSet? models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        SampledVideo video;
        try
        {
            using var stream = new MemoryStream(bytes.Array ?? [], bytes.Offset, bytes.Count, writable: false);
            video = await sampler.SampleAsync(stream, name, FrameSampling.Evenly(options.Value.VideoFrames), cancellationToken);
        }
        catch (Exception ex) when (ex is VideoFileException or MissingToolException or TimeoutException)
        {
            LogNotSampled(name, ex.Message);
            return new VideoAnalysis { Problem = ex is VideoFileException ? ex.Message : $"{name}: {ex.Message}" };
        }

        using (video)
        {
            var result = new VideoAnalysis
            {
                Format = video.Format,
                DurationSeconds = video.Duration.TotalSeconds,
                FramesSampled = video.Frames.Count,
                Truncated = video.Truncated,
                Problem = video.Truncated ? Truncation(name, video) : "",
            };
            result.Frames.AddRange(await FramesAsync(video.Frames, name, matcher, models, cancellationToken));
            return result;
        }
    }

    private async Task<IReadOnlyList<VideoFrameAnalysis>> FramesAsync(
        IReadOnlyList<VideoFrame> frames, string name, KnownHashMatcher matcher, MediaModelSet? models, CancellationToken cancellationToken)
    {
        var results = frames.Select(f =>
        {
            var (pdq, matches) = analyzer.HashFrame(f.Image, matcher);
            var frame = new VideoFrameAnalysis { TimestampSeconds = f.Timestamp.TotalSeconds, Pdq = pdq?.Hash.ToString() ?? "", PdqQuality = pdq?.Quality ?? 0 };
            frame.Matches.AddRange(matches.Select(MediaMatchMapping.Map));
            return frame;
        }).ToList();
        if (models is null)
        {
            return results;
        }

        var pictures = frames.Select(f => ImageTensors.ToImage(f.Image)).ToList();
        try
        {
            // Every frame's signals at once, so each model's batcher runs them together.
            var frameSignals = await Task.WhenAll(pictures.Select(p => signals.AnalyzeAsync(models, p, cancellationToken)));
            var detections = models.Text.DetectBatch([.. frames.Select(f => f.Image)]);
            var limit = options.Value.MaxOcrImagesPerFile;
            var read = 0;
            for (var i = 0; i < frames.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i].Signals = ImageSignalsMapping.Map(frameSignals[i]);
                var at = $"{name} frame at {frames[i].Timestamp.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
                var finding = !detections[i].TextPresent || read++ < limit
                    ? await text.ReadAsync(pictures[i], detections[i], at, cancellationToken)
                    : ImageTextReader.NotRead(pictures[i], detections[i], $"{at}: not read, more than {limit} pictures of this file held text ({MediaAnalysisOptions.Section}:MaxOcrImagesPerFile)");
                results[i].Text = ImageTextMapping.Map(finding);
            }

            return results;
        }
        finally
        {
            pictures.ForEach(p => p.Dispose());
        }
    }

    private string Truncation(string name, SampledVideo video) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: sampling was cut short by a bound: {video.Frames.Count} frames (at most {videoOptions.Value.MaxFrames}, {VideoSamplingOptions.Section}:MaxFrames) "
        + $"from the first {Math.Min(video.Duration.TotalSeconds, videoOptions.Value.MaxDurationSeconds):0.###} s of {video.Duration.TotalSeconds:0.###} s ({VideoSamplingOptions.Section}:MaxDurationSeconds)");

    [LoggerMessage(Level = LogLevel.Information, Message = "Media.Analyze took no frames from {File}: {Problem}")]
    private partial void LogNotSampled(string file, string problem);
}
