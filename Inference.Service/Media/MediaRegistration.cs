using Katalyst.Inference.Media.Models;
using Katalyst.Inference.Media.Text;
using Katalyst.Inference.Media.Video;
using Katalyst.Media.Decoding;
using Katalyst.Media.Ocr;
using Katalyst.Media.Text;
using Katalyst.Media.Video;
using Katalyst.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media;

/// <summary>Registers what <c>katalyst.v1.Media</c> needs (the hash sets come from <c>AddHashSets</c>).</summary>
public static class MediaRegistration
{
    /// <summary>
    /// Binds and validates <see cref="MediaAnalysisOptions"/> (<c>Media:Analysis</c>) and <see cref="ImageDecodingOptions"/>
    /// (<c>Media:Decoding</c>) at start-up, and registers the decoder and the analyser; with <see cref="MediaModelsOptions"/>
    /// (<c>Media:Models</c>) the media models, loaded at start-up, and their <c>media-models</c> readiness check; with
    /// <see cref="TextDetectionOptions"/> (<c>Media:TextDetection</c>), <see cref="TesseractOptions"/> (<c>Media:Ocr</c>) and
    /// <see cref="VideoSamplingOptions"/> (<c>Media:Video</c>) text in pictures and video frames, and the <c>media-tools</c>
    /// check (Degraded when tesseract or ffmpeg is missing: the service still starts and answers).
    /// </summary>
    public static IHostApplicationBuilder AddMediaAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MediaAnalysisOptions>()
            .Bind(builder.Configuration.GetSection(MediaAnalysisOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ImageDecodingOptions>()
            .Bind(builder.Configuration.GetSection(ImageDecodingOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ImageDecodingOptions>, ImageDecodingOptionsValidator>();
        builder.Services.AddSingleton<ImageDecoder>();
        builder.Services.AddSingleton<FileAnalyzer>();
        builder.Services.AddOptions<MediaModelsOptions>()
            .Bind(builder.Configuration.GetSection(MediaModelsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaModelsState>();
        builder.Services.AddSingleton<ImageSignalsAnalyzer>();
        builder.Services.AddHostedService<MediaModelsLoader>();
        builder.Services.AddHealthChecks().AddCheck<MediaModelsHealthCheck>(MediaModelsHealthCheck.Name, tags: [KatalystTelemetry.ReadyTag]);
        builder.AddTextAndVideo();
        return builder;
    }

    private static void AddTextAndVideo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TextDetectionOptions>().Bind(builder.Configuration.GetSection(TextDetectionOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TextDetectionOptions>, TextDetectionOptionsValidator>();
        builder.Services.AddOptions<TesseractOptions>().Bind(builder.Configuration.GetSection(TesseractOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TesseractOptions>, TesseractOptionsValidator>();
        builder.Services.AddOptions<VideoSamplingOptions>().Bind(builder.Configuration.GetSection(VideoSamplingOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VideoSamplingOptions>, VideoSamplingOptionsValidator>();
        builder.Services.AddSingleton(sp => new TesseractReader(sp.GetRequiredService<IOptions<TesseractOptions>>()));
        builder.Services.AddSingleton(sp => new VideoFrameSampler(sp.GetRequiredService<IOptions<VideoSamplingOptions>>()));
        builder.Services.AddSingleton<ImageTextReader>();
        builder.Services.AddSingleton<VideoAnalyzer>();
        builder.Services.AddHealthChecks().AddCheck<MediaToolsHealthCheck>(MediaToolsHealthCheck.Name, failureStatus: HealthStatus.Degraded, tags: [KatalystTelemetry.ReadyTag]);
    }
}
