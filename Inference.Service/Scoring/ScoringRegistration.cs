using Katalyst.Inference.Hosting;
using Katalyst.Inference.Rules;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Scoring;

/// <summary>Registers the scoring service's models, scorer and micro-batcher.</summary>
public static class ScoringRegistration
{
    /// <summary>
    /// Binds and validates <see cref="ScoringOptions"/> (section <c>Scoring</c>), loads and warms the models at
    /// start-up (a missing or altered model fails the start with a message naming the file), and starts the batcher.
    /// </summary>
    public static IHostApplicationBuilder AddScoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScoringOptions>()
            .Bind(builder.Configuration.GetSection(ScoringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ScoringModels(sp.GetRequiredService<IOptions<ScoringOptions>>().Value, sp.GetRequiredService<ILogger<ScoringModels>>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TierRulesFile>();
        builder.Services.AddSingleton<ReferralScorer>();
        builder.Services.AddSingleton<ScoringMetrics>();
        builder.Services.AddSingleton<ScoreBatcher>();
        builder.Services.AddSingleton<ModelListing>();
        builder.Services.AddLoadedReadiness(ModelsPart);
        builder.Services.AddHostedService<LoadModelsOnStart>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScoreBatcher>());
        return builder;
    }

    // The readiness check's name: "models not loaded" until LoadModelsOnStart has loaded and warmed them.
    private const string ModelsPart = "models";

    // Resolving the models here loads and warms them before the first request, and fails the start if they are bad.
    private sealed class LoadModelsOnStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ScoringModels>();
            services.GetRequiredService<TierRulesFile>();
            services.GetRequiredKeyedService<LoadState>(ModelsPart).MarkLoaded();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
