using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;

namespace Katalyst.Portal.Tests.Telemetry;

/// <summary>The portal's probes and scrape endpoint need no session; its health page needs an administrator.</summary>
public sealed class PortalOperationsTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthLive_SignedOut_Answers200()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_StoreMigrated_Answers200WithStoreCheck()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("store reachable and migrated", report.GetProperty("checks").GetProperty("store").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_FromLoopbackSignedOut_AnswersPrometheusText()
    {
        using var client = server.CreateHttpClient();
        using (await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct))
        {
        }

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE target_info gauge", text, StringComparison.Ordinal);
        Assert.Contains("service_name=\"katalyst-portal\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHealth_ScoringOff_ShowsStoreReadyAndScoringNotReady()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Admin);

        var html = await client.GetStringAsync(new Uri("/admin/health", UriKind.Relative), Ct);

        Assert.Contains("store reachable and migrated", html, StringComparison.Ordinal);
        Assert.Contains("Scoring is off: Scoring:Server is empty.", html, StringComparison.Ordinal);
        Assert.Contains("health-not-ready", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHealth_Investigator_NotShown()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(new Uri("/admin/health", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("store reachable and migrated", html, StringComparison.Ordinal);
    }
}
