using System.Text.RegularExpressions;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Admin;

namespace Katalyst.Portal.Tests.Telemetry;

/// <summary>The health page asks the real scoring service (its own process) through gRPC health.</summary>
public sealed class AdminHealthScoringTests(ScoringAdminPortalServer server) : IClassFixture<ScoringAdminPortalServer>
{
    [Fact]
    public async Task AdminHealth_ScoringServiceRunning_ShowsItServing()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Admin);

        // The scoring service's row: its address, then its detail cell "serving". The page asks the service with a 3 s
        // deadline; a first call to a cold service on a loaded CI machine can miss it, and an admin would load the page
        // again: so may the test, for up to a minute, and then it fails showing the row it saw.
        var serving = new Regex(@"grpc\.health\.v1 at http://127\.0\.0\.1:\d+.*?>\s*serving\s*<", RegexOptions.Singleline);
        string html;
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            html = await client.GetStringAsync(new Uri("/admin/health", UriKind.Relative), TestContext.Current.CancellationToken);
            if (serving.IsMatch(html) || DateTime.UtcNow > until)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        var row = html.IndexOf("grpc.health.v1 at", StringComparison.Ordinal);
        Assert.True(serving.IsMatch(html), "the scoring service's row never read serving: " + (row < 0 ? "no row" : html.Substring(row, Math.Min(400, html.Length - row))));
        Assert.DoesNotContain("health-not-ready", html, StringComparison.Ordinal);
    }
}
