using System.Diagnostics;

namespace Katalyst.Media.Tests.Video;

/// <summary>Short benign videos made by ffmpeg from its own test sources (Debian's ffmpeg; without it the tests fail saying so).</summary>
internal static class SyntheticVideo
{
    /// <summary>ffmpeg's test card, <paramref name="seconds"/> long at 10 frames a second, as H.264 in mp4.</summary>
    public static byte[] TestCard(double seconds = 2, int width = 160, int height = 120) =>
        Make($"-f lavfi -i testsrc=duration={seconds}:size={width}x{height}:rate=10 -c:v libx264 -pix_fmt yuv420p", "mp4");

    /// <summary>
    /// A grey video whose brightness tells the time: luma 16 + 100 x t (limited range) at t seconds, so a frame's grey
    /// level says which moment it was taken from. 2 s at 10 frames a second, lossless FFV1 in Matroska.
    /// </summary>
    public static byte[] Clock() =>
        Make("-f lavfi -i color=c=black:size=64x48:rate=10:duration=2 -vf geq=lum=16+100*T:cb=128:cr=128 -c:v ffv1", "mkv");

    private static byte[] Make(string arguments, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"katalyst-test-{Guid.NewGuid():N}.{extension}");
        try
        {
            var start = new ProcessStartInfo("ffmpeg", $"-hide_banner -loglevel error -y {arguments} {path}")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg {arguments} failed (exit {process.ExitCode}): {error}");
            }

            return File.ReadAllBytes(path);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The video tests make their videos with ffmpeg: apt-get install ffmpeg.", ex);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
