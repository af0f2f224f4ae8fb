using Microsoft.Extensions.Options;

namespace Katalyst.Media.Video;

/// <summary>Bounds on what <see cref="VideoFrameSampler"/> does with one video (configuration section <c>Media:Video</c>).</summary>
public sealed class VideoSamplingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Media:Video";

    /// <summary>The most frames taken from one video, whatever was asked. Default 64.</summary>
    public int MaxFrames { get; set; } = 64;

    /// <summary>Only this many seconds from the start are sampled; a longer video is sampled within them and marked truncated. Default 3600.</summary>
    public double MaxDurationSeconds { get; set; } = 3600;

    /// <summary>The most seconds probing plus extracting may take before ffmpeg is stopped. Default 120.</summary>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>Frames are shrunk (never enlarged) so neither side exceeds this. Default 1280.</summary>
    public int MaxFrameSide { get; set; } = 1280;

    /// <summary>The folder holding <c>ffmpeg</c> and <c>ffprobe</c>; empty to find them on PATH (Debian's ffmpeg package).</summary>
    public string FfmpegFolder { get; set; } = "";
}

/// <summary>Checks <see cref="VideoSamplingOptions"/> at start-up, naming the key that is wrong.</summary>
public sealed class VideoSamplingOptionsValidator : IValidateOptions<VideoSamplingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VideoSamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                failures.Add($"{VideoSamplingOptions.Section}:{key} must be {rule}, not {value}.");
            }
        }

        Check(options.MaxFrames is >= 1 and <= 10_000, nameof(options.MaxFrames), options.MaxFrames, "1 to 10000");
        Check(options.MaxDurationSeconds is > 0 and <= 86_400, nameof(options.MaxDurationSeconds), options.MaxDurationSeconds, "above 0 and at most 86400");
        Check(options.TimeoutSeconds is > 0 and <= 3600, nameof(options.TimeoutSeconds), options.TimeoutSeconds, "above 0 and at most 3600");
        Check(options.MaxFrameSide is >= 16 and <= 8192, nameof(options.MaxFrameSide), options.MaxFrameSide, "16 to 8192");
        Check(options.FfmpegFolder.Length == 0 || Directory.Exists(options.FfmpegFolder), nameof(options.FfmpegFolder), $"'{options.FfmpegFolder}'", "empty or an existing folder");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
