using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Katalyst.Telemetry;

/// <summary>
/// Telemetry for one long CLI command (<c>katalyst import</c>, <c>katalyst score</c>): when <c>Telemetry:Otlp:Endpoint</c>
/// is set in the environment (<c>Telemetry__Otlp__Endpoint</c>, as for the services), the command's span, every Katalyst
/// span and metric under it and its outgoing gRPC calls are exported over OTLP, and flushed when it is disposed. Without
/// an endpoint nothing listens and nothing is exported. A short-lived command has no scrape endpoint.
/// </summary>
public sealed class CommandTelemetry : IDisposable
{
    /// <summary>The source of each command's root span (<c>katalyst import</c>, ...).</summary>
    public static readonly ActivitySource Source = new("Katalyst.Cli");

    private readonly TracerProvider? tracing;
    private readonly MeterProvider? metrics;
    private readonly Activity? command;

    private CommandTelemetry(string name, TelemetryOptions options)
    {
        if (options.Otlp.Endpoint is not { Length: > 0 } endpoint)
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"Telemetry:Otlp:Endpoint '{endpoint}' is not an absolute URL (e.g. http://otel-collector:4317).");
        }

        var protocol = options.Otlp.Protocol == OtlpTransport.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var signal = protocol == OtlpExportProtocol.HttpProtobuf ? new Func<string, Uri>(path => new Uri(uri, path)) : _ => uri;
        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName is { Length: > 0 } service ? service : "katalyst-cli");
        tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(KatalystTelemetry.Names)
            .AddGrpcClientInstrumentation()
            .AddHttpClientInstrumentation()
            .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (signal("v1/traces"), protocol))
            .Build();
        metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(KatalystTelemetry.Names)
            .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (signal("v1/metrics"), protocol))
            .Build();
        command = Source.StartActivity(name, ActivityKind.Internal);
    }

    /// <summary>Whether this command exports (an OTLP endpoint is configured).</summary>
    public bool Exporting => tracing is not null;

    /// <summary>Starts telemetry for the command <paramref name="name"/> (e.g. <c>katalyst import</c>) from the environment's configuration.</summary>
    /// <exception cref="InvalidOperationException">The configured endpoint is not a URL; the message names the key.</exception>
    public static CommandTelemetry Start(string name) =>
        Start(name, new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>Starts telemetry for the command <paramref name="name"/> from <paramref name="configuration"/>'s <c>Telemetry</c> section.</summary>
    public static CommandTelemetry Start(string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new CommandTelemetry(name, configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions());
    }

    /// <summary>Ends the command's span and flushes what is left to the collector.</summary>
    public void Dispose()
    {
        command?.Dispose();
        tracing?.Dispose();
        metrics?.Dispose();
    }
}
