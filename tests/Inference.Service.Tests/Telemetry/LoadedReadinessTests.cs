using Katalyst.Inference.Hosting;
using Katalyst.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>Readiness follows what has loaded: not ready until the models are marked loaded.</summary>
public sealed class LoadedReadinessTests
{
    [Fact]
    public async Task CheckHealth_ModelsNotLoaded_UnhealthyNamingThem()
    {
        await using var services = Services();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ready, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal("models not loaded", report.Entries["models"].Description);
    }

    [Fact]
    public async Task CheckHealth_ModelsMarkedLoaded_Healthy()
    {
        await using var services = Services();
        services.GetRequiredKeyedService<LoadState>("models").MarkLoaded();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ready, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    private static bool Ready(HealthCheckRegistration check) => check.Tags.Contains(KatalystTelemetry.ReadyTag);

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLoadedReadiness("models");
        return services.BuildServiceProvider();
    }
}
