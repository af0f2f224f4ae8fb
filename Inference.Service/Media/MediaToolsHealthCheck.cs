using Katalyst.Media.ExternalTools;
using Katalyst.Media.Ocr;
using Katalyst.Media.Video;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media;

/// <summary>
/// Readiness of the programs <c>Media.Analyze</c> runs: Tesseract with its languages (when <c>Media:Ocr:Enabled</c>) and
/// ffprobe/ffmpeg. One missing is Degraded, not Unhealthy: hashes, matches and the models' signals still come back (the
/// response says why OCR or video was not done), so the instance stays in service; the description names the Debian
/// package to install.
/// </summary>
internal sealed class MediaToolsHealthCheck(TesseractReader tesseract, VideoFrameSampler sampler, IOptions<TesseractOptions> ocrOptions) : IHealthCheck
{
    /// <summary>The check's name.</summary>
    public const string Name = "media-tools";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (ocrOptions.Value.Enabled)
        {
            try
            {
                await tesseract.CheckInstalledAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is MissingToolException or TimeoutException)
            {
                problems.Add("OCR: " + ex.Message);
            }
        }

        try
        {
            sampler.CheckInstalled();
        }
        catch (MissingToolException ex)
        {
            problems.Add("video: " + ex.Message);
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy(ocrOptions.Value.Enabled ? "tesseract and ffmpeg installed" : $"ffmpeg installed; OCR off ({TesseractOptions.Section}:Enabled)")
            : HealthCheckResult.Degraded(string.Join(" ", problems));
    }
}
