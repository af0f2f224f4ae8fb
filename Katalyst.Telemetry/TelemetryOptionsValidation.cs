using System.Net;
using Microsoft.Extensions.Options;

namespace Katalyst.Telemetry;

/// <summary>Refuses at start a network in <c>Telemetry:Prometheus:AllowedNetworks</c> that is not CIDR, naming its index and value.</summary>
internal sealed class TelemetryOptionsValidation : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        var networks = options.Prometheus.AllowedNetworks;
        for (var i = 0; i < networks.Length; i++)
        {
            if (!IPNetwork.TryParse(networks[i], out _))
            {
                failures.Add($"Telemetry:Prometheus:AllowedNetworks:{i} '{networks[i]}' is not a network in CIDR form (e.g. 10.20.0.0/16).");
            }
        }

        if (options.Otlp.Endpoint is { Length: > 0 } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"Telemetry:Otlp:Endpoint '{endpoint}' is not an absolute http or https URL (e.g. http://otel-collector:4317).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
