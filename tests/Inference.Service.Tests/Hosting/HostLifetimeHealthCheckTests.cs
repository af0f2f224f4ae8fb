using Katalyst.Inference.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Katalyst.Inference.Tests.Hosting;

public sealed class HostLifetimeHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_BeforeStart_IsUnhealthy()
    {
        using var lifetime = new ControlledLifetime();

        var result = await new HostLifetimeHealthCheck(lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_Started_IsHealthy()
    {
        using var lifetime = new ControlledLifetime();
        await lifetime.Started.CancelAsync();

        var result = await new HostLifetimeHealthCheck(lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_Stopping_IsUnhealthy()
    {
        using var lifetime = new ControlledLifetime();
        await lifetime.Started.CancelAsync();
        await lifetime.Stopping.CancelAsync();

        var result = await new HostLifetimeHealthCheck(lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("stopping", result.Description, StringComparison.Ordinal);
    }

    /// <summary>A host lifetime whose events the test fires by hand.</summary>
    private sealed class ControlledLifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        private CancellationTokenSource Stopped { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => Stopped.Token;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
            Stopped.Dispose();
        }
    }
}
