namespace Katalyst.Telemetry.Tests;

public sealed class TelemetryOptionsValidationTests
{
    [Fact]
    public void Validate_NetworkNotCidr_FailsNamingIndexAndValue()
    {
        var options = new TelemetryOptions { Prometheus = new PrometheusOptions { AllowedNetworks = ["10.0.0.0/8", "office"] } };

        var result = new TelemetryOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Telemetry:Prometheus:AllowedNetworks:1 'office' is not a network in CIDR form", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtlpEndpointNotAbsolute_FailsNamingKey()
    {
        var options = new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = "otel-collector:4317" } };

        var result = new TelemetryOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Telemetry:Otlp:Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new TelemetryOptionsValidation().Validate(null, new TelemetryOptions()).Succeeded);
}
