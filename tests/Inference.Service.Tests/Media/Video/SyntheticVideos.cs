using System.Diagnostics;

namespace Katalyst.Inference.Tests.Media.Video;

/// <summary>Short benign videos made by Debian's ffmpeg from its own test sources; without ffmpeg the tests fail saying so.</summary>
internal static class SyntheticVideos
{
    /// <summary>ffmpeg's test card, <paramref name="seconds"/> long at 10 frames a second, 320 x 240, as H.264 in mp4.</summary>
    public static byte[] TestCard(double seconds = 2)
    {
        var path = Path.Combine(Path.GetTempPath(), $"katalyst-test-{Guid.NewGuid():N}.mp4");
        var arguments = $"-hide_banner -loglevel error -y -f lavfi -i testsrc=duration={seconds}:size=320x240:rate=10 -c:v libx264 -pix_fmt yuv420p {path}";
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true, UseShellExecute = false })
                ?? throw new InvalidOperationException("ffmpeg did not start");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? File.ReadAllBytes(path) : throw new InvalidOperationException($"ffmpeg {arguments} failed (exit {process.ExitCode}): {error}");
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
