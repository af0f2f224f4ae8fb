using Katalyst.Inference.Media.Models;
using Katalyst.Media.Decoding;
using Katalyst.Telemetry;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media;

/// <summary>Registers what <c>katalyst.v1.Media</c> needs (the hash sets come from <c>AddHashSets</c>).</summary>
public static class MediaRegistration
{
    /// <summary>
    /// Binds and validates <see cref="MediaAnalysisOptions"/> (<c>Media:Analysis</c>) and <see cref="ImageDecodingOptions"/>
    /// (<c>Media:Decoding</c>) at start-up, and registers the decoder and the analyser; with <see cref="MediaModelsOptions"/>
    /// (<c>Media:Models</c>) the media models, loaded at start-up, and their <c>media-models</c> readiness check.
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
        return builder;
    }
}
