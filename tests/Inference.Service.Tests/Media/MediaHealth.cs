using Katalyst.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Tests.Media;

/// <summary>One readiness entry of a running test server.</summary>
internal static class MediaHealth
{
    public static async Task<HealthReportEntry> ReadyEntryAsync(IServiceProvider services, string name)
    {
        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains(KatalystTelemetry.ReadyTag), TestContext.Current.CancellationToken);
        return report.Entries[name];
    }
}
