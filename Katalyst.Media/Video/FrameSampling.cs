namespace Katalyst.Media.Video;

/// <summary>Which frames to take from a video: a number spread evenly over it, or one every interval from the start.</summary>
public sealed record FrameSampling
{
    private FrameSampling(int? count, TimeSpan? interval) => (Count, Interval) = (count, interval);

    /// <summary>The number of frames asked for, spread evenly from the start (null when sampling by interval).</summary>
    public int? Count { get; }

    /// <summary>The time between frames asked for (null when sampling by count).</summary>
    public TimeSpan? Interval { get; }

    /// <summary><paramref name="count"/> frames, at 0, d/count, 2d/count, ... of the sampled duration d.</summary>
    public static FrameSampling Evenly(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new FrameSampling(count, null);
    }

    /// <summary>A frame at 0, <paramref name="interval"/>, 2 x <paramref name="interval"/>, ... while within the sampled duration.</summary>
    public static FrameSampling Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(1));
        return new FrameSampling(null, interval);
    }

    // The frames to take and the time between them, within `window`, at most `maxFrames`.
    internal (int Frames, TimeSpan Interval) Plan(TimeSpan window, int maxFrames)
    {
        if (Count is { } count)
        {
            var frames = Math.Min(count, maxFrames);
            return (frames, window / frames);
        }

        var every = Interval!.Value;
        var fit = (int)Math.Min(Math.Ceiling(window / every), int.MaxValue);
        return (Math.Clamp(fit, 1, maxFrames), every);
    }
}
