using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Hosting;

/// <summary>
/// Healthy once the host has started and until it begins to stop, so that a load balancer
/// watching <c>grpc.health.v1</c> drains this instance during a graceful shutdown.
/// </summary>
internal sealed class HostLifetimeHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is stopping.")
            : lifetime.ApplicationStarted.IsCancellationRequested
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The service has not finished starting.");
        return Task.FromResult(result);
    }
}
