using Katalyst.Media.Decoding;

namespace Katalyst.Media.Video;

/// <summary>One frame taken from a video.</summary>
/// <param name="Timestamp">Its time from the start of the video.</param>
/// <param name="Image">Its pixels (R, G, B, A), shrunk to <see cref="VideoSamplingOptions.MaxFrameSide"/>.</param>
public sealed record VideoFrame(TimeSpan Timestamp, DecodedImage Image);

/// <summary>What <see cref="VideoFrameSampler"/> took from a video. Dispose to return the frames' buffers.</summary>
public sealed class SampledVideo : IDisposable
{
    internal SampledVideo(string format, TimeSpan duration, int width, int height, IReadOnlyList<VideoFrame> frames, bool truncated)
    {
        (Format, Duration, Width, Height, Frames, Truncated) = (format, duration, width, height, frames, truncated);
    }

    /// <summary>The container as ffprobe names it, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c> or <c>matroska,webm</c>.</summary>
    public string Format { get; }

    /// <summary>The whole video's duration as ffprobe reads it.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The video stream's width as stored.</summary>
    public int Width { get; }

    /// <summary>The video stream's height as stored.</summary>
    public int Height { get; }

    /// <summary>The frames, in time order.</summary>
    public IReadOnlyList<VideoFrame> Frames { get; }

    /// <summary>Whether a bound cut sampling short: the video is longer than <see cref="VideoSamplingOptions.MaxDurationSeconds"/> or more frames were asked than <see cref="VideoSamplingOptions.MaxFrames"/>.</summary>
    public bool Truncated { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var frame in Frames)
        {
            frame.Image.Dispose();
        }
    }
}

/// <summary>A file given as a video is not one ffprobe and ffmpeg can read (not a video, a still image, or corrupt); the message names it.</summary>
public sealed class VideoFileException(string name, string reason, Exception? inner = null) : Exception($"{name} {reason}", inner)
{
    /// <summary>The file's name as the caller gave it.</summary>
    public string Name { get; } = name;
}
