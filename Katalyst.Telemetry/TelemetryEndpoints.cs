using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Katalyst.Telemetry;

/// <summary>Maps the operations endpoints: <c>/health/live</c>, <c>/health/ready</c> and the Prometheus scrape endpoint.</summary>
public static class TelemetryEndpoints
{
    /// <summary>The liveness probe's path: answers 200 while the process serves HTTP, running no check.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness probe's path: 200 when every check tagged <see cref="KatalystTelemetry.ReadyTag"/> passes, else 503.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// Maps the probes (open to anyone: they say only Healthy or Unhealthy and which check failed) and, when enabled,
    /// the scrape endpoint, which answers only clients in <see cref="PrometheusOptions.AllowedNetworks"/> (403 otherwise).
    /// All are exempt from the portal's sign-in (a prober has no session).
    /// </summary>
    public static IEndpointRouteBuilder MapKatalystOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(KatalystTelemetry.ReadyTag),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Prometheus.Enabled)
        {
            var allowed = new NetworkAllowList(options.Prometheus.AllowedNetworks);
            endpoints.MapPrometheusScrapingEndpoint(options.Prometheus.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (!allowed.Allows(context.Connection.RemoteIpAddress))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Metrics are served only to the networks in Telemetry:Prometheus:AllowedNetworks.", context.RequestAborted);
                    return;
                }

                await next(context);
            }), optionsName: null).AllowAnonymous();
        }

        return endpoints;
    }

    // Status per check with its description (e.g. "models not loaded"); never exception details or data.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
