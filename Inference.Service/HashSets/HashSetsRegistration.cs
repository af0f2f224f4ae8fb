using Katalyst.Inference.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Katalyst.Inference.HashSets;

/// <summary>Registers the known-hash sets and their gRPC service's needs.</summary>
public static class HashSetsRegistration
{
    /// <summary>
    /// Binds and validates <see cref="HashSetsOptions"/> (section <c>HashSets</c>) and loads the folder's sets at
    /// start-up (a bad manifest or set file fails the start with a message naming it).
    /// </summary>
    public static IHostApplicationBuilder AddHashSets(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HashSetsOptions>()
            .Bind(builder.Configuration.GetSection(HashSetsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LoadedHashSets>();
        builder.Services.AddSingleton<HashSetsMetrics>();
        builder.Services.AddLoadedReadiness(HashSetsPart);
        builder.Services.AddHostedService<LoadHashSetsOnStart>();
        return builder;
    }

    // The readiness check's name: "hash sets not loaded" until the folder's sets are indexed.
    private const string HashSetsPart = "hash sets";

    private sealed class LoadHashSetsOnStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<LoadedHashSets>();
            services.GetRequiredService<HashSetsMetrics>();
            services.GetRequiredKeyedService<LoadState>(HashSetsPart).MarkLoaded();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
