using System.Collections.Concurrent;
using System.Text;
using Katalyst.Referrals.Intake.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Telemetry.Tests;

/// <summary>A CLI command exports over OTLP only when an endpoint is configured, and flushes when it ends.</summary>
public sealed class CommandTelemetryTests
{
    [Fact]
    public void Start_NoEndpoint_ExportsNothing()
    {
        using var telemetry = CommandTelemetry.Start("katalyst import", new ConfigurationBuilder().Build());

        Assert.False(telemetry.Exporting);
    }

    [Fact]
    public async Task Dispose_EndpointConfigured_SendsCommandSpanIntakeSpanAndMetricToCollector()
    {
        var ct = TestContext.Current.CancellationToken;
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        // Not the services' appsettings.json copied beside the tests (their fixed ports): only this listener.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            received.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync(ct);
        var address = collector.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = address,
            ["Telemetry:Otlp:Protocol"] = "HttpProtobuf",
        }).Build();

        using (var telemetry = CommandTelemetry.Start("katalyst import", configuration))
        {
            Assert.True(telemetry.Exporting);
            using (IntakeTelemetry.Source.StartActivity("read package"))
            {
                IntakeTelemetry.Counted("imported");
            }
        }

        var traces = string.Concat(received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)));
        var metrics = string.Concat(received.Where(r => r.Path == "/v1/metrics").Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("katalyst import", traces, StringComparison.Ordinal);
        Assert.Contains("read package", traces, StringComparison.Ordinal);
        Assert.Contains("katalyst-cli", traces, StringComparison.Ordinal);
        Assert.Contains("katalyst.intake.referrals", metrics, StringComparison.Ordinal);
        await collector.StopAsync(ct);
    }
}
