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

        var html = await client.GetStringAsync(new Uri("/admin/health", UriKind.Relative), TestContext.Current.CancellationToken);

        // The scoring service's row: its address, then its detail cell "serving".
        Assert.Matches(new Regex(@"grpc\.health\.v1 at http://127\.0\.0\.1:\d+.*?>\s*serving\s*<", RegexOptions.Singleline), html);
        Assert.DoesNotContain("health-not-ready", html, StringComparison.Ordinal);
    }
}
