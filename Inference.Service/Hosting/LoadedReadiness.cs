using Katalyst.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Hosting;

/// <summary>Whether one part the service loads at start-up (the models, the hash sets) has loaded.</summary>
public sealed class LoadState
{
    private volatile bool loaded;

    /// <summary>True once <see cref="MarkLoaded"/> was called.</summary>
    public bool IsLoaded => loaded;

    /// <summary>The part loaded and can answer.</summary>
    public void MarkLoaded() => loaded = true;
}

/// <summary>Registers a readiness check per part loaded at start-up.</summary>
public static class LoadedReadiness
{
    /// <summary>
    /// Adds a <see cref="LoadState"/> keyed <paramref name="part"/> and a readiness check of that name (tagged
    /// <see cref="KatalystTelemetry.ReadyTag"/>; gRPC health runs it too) that fails until the part is marked loaded.
    /// </summary>
    public static IServiceCollection AddLoadedReadiness(this IServiceCollection services, string part)
    {
        services.AddKeyedSingleton<LoadState>(part);
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            part,
            sp => new LoadedHealthCheck(part, sp.GetRequiredKeyedService<LoadState>(part)),
            failureStatus: HealthStatus.Unhealthy,
            tags: [KatalystTelemetry.ReadyTag]));
        return services;
    }
}

/// <summary>Healthy once its part is loaded: "models not loaded" until then.</summary>
internal sealed class LoadedHealthCheck(string part, LoadState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsLoaded ? HealthCheckResult.Healthy($"{part} loaded") : HealthCheckResult.Unhealthy($"{part} not loaded"));
}
