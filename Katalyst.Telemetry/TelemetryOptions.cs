using System.ComponentModel.DataAnnotations;

namespace Katalyst.Telemetry;

/// <summary>Traces, metrics and logs leaving the process (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Telemetry";

    /// <summary>
    /// The name this process reports as <c>service.name</c>; empty: the name the service gives
    /// (<c>katalyst-inference</c>, <c>katalyst-portal</c>, <c>katalyst-cli</c>).
    /// </summary>
    public string ServiceName { get; set; } = "";

    /// <summary>Export to an OpenTelemetry collector; off while <see cref="OtlpOptions.Endpoint"/> is empty.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint (on by default, answering only the allowed networks).</summary>
    public PrometheusOptions Prometheus { get; set; } = new();
}

/// <summary>OTLP export (section <c>Telemetry:Otlp</c>).</summary>
public sealed class OtlpOptions
{
    /// <summary>
    /// The collector's address, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c>
    /// (HTTP); empty (the default) exports nothing over OTLP. Traces, metrics and logs all go there.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public OtlpTransport Protocol { get; set; } = OtlpTransport.Grpc;
}

/// <summary>How OTLP reaches the collector.</summary>
public enum OtlpTransport
{
    /// <summary>OTLP over gRPC (port 4317 by convention).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (port 4318 by convention).</summary>
    HttpProtobuf,
}

/// <summary>The Prometheus scrape endpoint (section <c>Telemetry:Prometheus</c>).</summary>
public sealed class PrometheusOptions
{
    /// <summary>Serve the scrape endpoint; default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The endpoint's path; default <c>/metrics</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^/.*", ErrorMessage = "Telemetry:Prometheus:Path must start with '/'.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>) whose clients may scrape; anyone else gets 403. Empty (the default):
    /// loopback only (<c>127.0.0.0/8</c>, <c>::1/128</c>). A reverse proxy on the same host makes every client look
    /// local: do not forward the path (docs/security.md).
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}
