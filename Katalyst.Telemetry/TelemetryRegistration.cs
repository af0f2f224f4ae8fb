using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Katalyst.Telemetry;

/// <summary>Registers OpenTelemetry and health checks the same way in every Katalyst service.</summary>
public static class TelemetryRegistration
{
    /// <summary>
    /// Binds and validates <see cref="TelemetryOptions"/> (section <c>Telemetry</c>); traces every Katalyst activity
    /// source, incoming ASP.NET Core and gRPC calls and outgoing gRPC and HTTP calls (W3C trace context crosses the
    /// wire, so the portal's scoring run, the service's call and its model batch are one trace); meters every Katalyst
    /// meter, ASP.NET Core, HTTP client and the runtime; exports metrics to the Prometheus scrape endpoint (mapped by
    /// <see cref="TelemetryEndpoints.MapKatalystOperations"/>) and everything to OTLP when
    /// <see cref="OtlpOptions.Endpoint"/> is set. Adds ASP.NET Core health checks; readiness checks are those tagged
    /// <see cref="KatalystTelemetry.ReadyTag"/>.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="serviceName">The default <c>service.name</c>, e.g. <c>katalyst-inference</c>.</param>
    public static IHostApplicationBuilder AddKatalystTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidation>();
        builder.Services.AddHealthChecks();

        // Read once here: which exporters exist is decided at start, like the rest of the configuration.
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var name = options.ServiceName is { Length: > 0 } configured ? configured : serviceName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(name, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(KatalystTelemetry.Names)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperations(context.Request.Path, options))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(KatalystTelemetry.Names)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (options.Otlp.Endpoint is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            var protocol = options.Otlp.Protocol == OtlpTransport.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, uri);
        }

        return builder;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsOperations(Microsoft.AspNetCore.Http.PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.Prometheus.Path);
}
