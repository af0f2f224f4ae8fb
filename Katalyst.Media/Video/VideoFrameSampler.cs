using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FFMpegCore.Pipes;
using Katalyst.Media.Decoding;
using Katalyst.Media.ExternalTools;
using Microsoft.Extensions.Options;

namespace Katalyst.Media.Video;

/// <summary>
/// Takes still frames from a video with Debian's <c>ffprobe</c> and <c>ffmpeg</c> through FFMpegCore. What the bytes are is
/// decided by their content (ffprobe), never a file name: a still image, a file with no video stream and one ffmpeg cannot
/// decode are refused with a <see cref="VideoFileException"/> naming the file. Bounded: at most
/// <see cref="VideoSamplingOptions.MaxFrames"/> frames from the first <see cref="VideoSamplingOptions.MaxDurationSeconds"/>,
/// each at most <see cref="VideoSamplingOptions.MaxFrameSide"/> a side, within <see cref="VideoSamplingOptions.TimeoutSeconds"/>.
/// The bytes are written to a private temporary folder for ffmpeg (an mp4 whose index is at its end cannot be read from a
/// pipe, and Debian's ffmpeg 5 misreads piped input on Linux), deleted when done. Frames come back as PNG through a pipe, in
/// one ffmpeg run. Thread-safe.
/// </summary>
public sealed class VideoFrameSampler
{
    private const string Package = "ffmpeg";

    private readonly VideoSamplingOptions options;
    private readonly ImageDecoder decoder = new();

    /// <summary>A sampler with the given bounds (checked: a bad value throws naming the key).</summary>
    public VideoFrameSampler(IOptions<VideoSamplingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new VideoSamplingOptionsValidator().Validate(null, options.Value);
        if (result.Failed)
        {
            throw new OptionsValidationException(VideoSamplingOptions.Section, typeof(VideoSamplingOptions), result.Failures);
        }

        this.options = options.Value;
    }

    /// <summary>A sampler with the default bounds.</summary>
    public VideoFrameSampler()
        : this(Options.Create(new VideoSamplingOptions()))
    {
    }

    /// <summary>Takes frames from the video in <paramref name="video"/>; <paramref name="name"/> (e.g. a file name) is what errors name.</summary>
    /// <exception cref="VideoFileException">Not a video, a still image, or corrupt; the message names the file and why.</exception>
    /// <exception cref="MissingToolException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="TimeoutException">Probing and extracting ran past <see cref="VideoSamplingOptions.TimeoutSeconds"/>.</exception>
    public Task<SampledVideo> SampleAsync(ReadOnlyMemory<byte> video, string name, FrameSampling sampling, CancellationToken cancellationToken = default) =>
        SampleAsync(new MemoryStream(video.ToArray(), writable: false), name, sampling, cancellationToken);

    /// <summary>Takes frames from the video read from <paramref name="video"/> (read to its end, not disposed).</summary>
    /// <inheritdoc cref="SampleAsync(ReadOnlyMemory{byte}, string, FrameSampling, CancellationToken)" path="/exception"/>
    public async Task<SampledVideo> SampleAsync(Stream video, string name, FrameSampling sampling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(sampling);
        var ffOptions = new FFOptions { BinaryFolder = FindTools() };
        var folder = Directory.CreateTempSubdirectory("katalyst-video-");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            // The folder is the owner's alone (CreateTempSubdirectory makes it 0700 on Unix), and so is the file.
            var path = Path.Combine(folder.FullName, "input");
            var file = CreateOwnerOnly(path);
            await using (file.ConfigureAwait(false))
            {
                await video.CopyToAsync(file, limit.Token).ConfigureAwait(false);
            }

            if (new FileInfo(path).Length == 0)
            {
                throw new VideoFileException(name, "is empty, not a video.");
            }

            var (format, duration, width, height) = await ProbeAsync(path, name, ffOptions, limit.Token).ConfigureAwait(false);
            var window = TimeSpan.FromSeconds(Math.Min(duration.TotalSeconds, options.MaxDurationSeconds));
            var (frames, interval) = sampling.Plan(window, options.MaxFrames);
            var truncated = duration > window || (sampling.Count ?? (int)Math.Ceiling(window / interval)) > frames;
            var pngs = await ExtractAsync(path, name, window, frames, interval, ffOptions, limit.Token).ConfigureAwait(false);
            return new SampledVideo(format, duration, width, height, Decode(pngs, name, interval), truncated);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{name}: taking frames ran past its {options.TimeoutSeconds:0.#} s limit ({VideoSamplingOptions.Section}:TimeoutSeconds) and ffmpeg was stopped.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Checks that ffprobe and ffmpeg are where <see cref="VideoSamplingOptions.FfmpegFolder"/> (or PATH) says.</summary>
    /// <exception cref="MissingToolException">One is missing; the message names it and Debian's ffmpeg package.</exception>
    public void CheckInstalled() => FindTools();

    private static FileStream CreateOwnerOnly(string path)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, create);
    }

    private static async Task<(string Format, TimeSpan Duration, int Width, int Height)> ProbeAsync(string path, string name, FFOptions ffOptions, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, ffOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FFMpegException ex)
        {
            throw new VideoFileException(name, $"is not a video ffprobe can read: {Summary(ex.Message)}", ex);
        }

        var format = analysis.Format.FormatName;
        if (analysis.PrimaryVideoStream is not { } stream)
        {
            throw new VideoFileException(name, $"has no video stream (ffprobe reads it as '{format}').");
        }

        if (format == "image2" || format.EndsWith("_pipe", StringComparison.Ordinal))
        {
            throw new VideoFileException(name, $"is a still image ('{format}'), not a video.");
        }

        var duration = analysis.Duration > TimeSpan.Zero ? analysis.Duration : stream.Duration;
        if (duration <= TimeSpan.Zero)
        {
            throw new VideoFileException(name, $"declares no duration ('{format}'): not a video ffmpeg can sample.");
        }

        return (format, duration, stream.Width ?? 0, stream.Height ?? 0);
    }

    private async Task<byte[]> ExtractAsync(string path, string name, TimeSpan window, int frames, TimeSpan interval, FFOptions ffOptions, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.InvariantCulture;
        var microseconds = Math.Max(1L, (long)Math.Round(interval.TotalMicroseconds));
        var side = options.MaxFrameSide.ToString(culture);
        // One frame each interval from the start, shrunk to fit the largest side, as PNG one after another on standard
        // output. round=up makes the fps filter keep, for each tick, the frame on screen at that moment (the last one at or
        // before it); its default (near) would keep the last frame up to half an interval after the tick.
        var filter = $"fps=fps=1000000/{microseconds.ToString(culture)}:round=up,scale=w=min(iw\\,{side}):h=min(ih\\,{side}):force_original_aspect_ratio=decrease";
        using var sink = new MemoryStream();
        try
        {
            await FFMpegArguments
                .FromFileInput(path, verifyExists: true, input => input.WithCustomArgument("-t " + window.TotalSeconds.ToString("0.######", culture)))
                .OutputToPipe(new StreamPipeSink(sink), output => output
                    .WithCustomArgument("-vf " + filter)
                    .WithCustomArgument("-frames:v " + frames.ToString(culture))
                    .WithCustomArgument("-c:v png")
                    .ForceFormat("image2pipe"))
                .CancellableThrough(cancellationToken, TimeSpan.Zero) // stop at once: a timed-out run's frames are not wanted
                .ProcessAsynchronously(true, ffOptions, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (FFMpegException ex)
        {
            throw new VideoFileException(name, $"could not be decoded by ffmpeg: {Summary(ex.Message)}", ex);
        }

        return sink.ToArray();
    }

    private List<VideoFrame> Decode(byte[] pngs, string name, TimeSpan interval)
    {
        List<ReadOnlyMemory<byte>> images;
        try
        {
            images = PngStream.Split(pngs);
        }
        catch (InvalidDataException ex)
        {
            throw new VideoFileException(name, $"gave frames ffmpeg did not finish: {ex.Message}", ex);
        }

        if (images.Count == 0)
        {
            throw new VideoFileException(name, "has no frame ffmpeg could decode.");
        }

        var frames = new List<VideoFrame>(images.Count);
        foreach (var (png, k) in images.Select((png, k) => (png, k)))
        {
            var timestamp = interval * k;
            frames.Add(new VideoFrame(timestamp, decoder.Decode(png.Span, $"{name} frame at {timestamp.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s")));
        }

        return frames;
    }

    // The folder FFMpegCore should run ffmpeg and ffprobe from: the configured one, or the PATH entry holding both.
    private string FindTools()
    {
        var folders = options.FfmpegFolder.Length > 0
            ? [options.FfmpegFolder]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var tool in new[] { "ffprobe", "ffmpeg" })
        {
            if (!folders.Any(f => File.Exists(Path.Combine(f, tool))))
            {
                var where = options.FfmpegFolder.Length > 0 ? $"in {options.FfmpegFolder} ({VideoSamplingOptions.Section}:FfmpegFolder)" : "on PATH";
                throw new MissingToolException($"'{tool}' {where}", Package);
            }
        }

        return options.FfmpegFolder.Length > 0 ? options.FfmpegFolder : folders.First(f => File.Exists(Path.Combine(f, "ffmpeg")));
    }

    private static string Summary(string message) =>
        string.Join(" | ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).TakeLast(4));
}
