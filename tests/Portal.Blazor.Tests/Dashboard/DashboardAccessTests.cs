using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;

namespace Katalyst.Portal.Tests.Dashboard;

/// <summary>Who may open the dashboard, and which pages the navigation offers each role.</summary>
public sealed class DashboardAccessTests(DashboardPortalServer server) : IClassFixture<DashboardPortalServer>
{
    [Theory]
    [InlineData(PortalRoles.Investigator, true)]
    [InlineData(PortalRoles.Supervisor, true)]
    [InlineData(PortalRoles.Admin, true)]
    [InlineData(PortalRoles.Auditor, false)]
    public async Task GetDashboard_Role_OpensOrIsDenied(string role, bool allowed)
    {
        using var client = await PortalSession.SignedInClientAsync(server, role);

        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative), TestContext.Current.CancellationToken);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData(PortalRoles.Investigator, "/dashboard", "queue dashboard")]
    [InlineData(PortalRoles.Supervisor, "/dashboard", "queue dashboard intake")]
    [InlineData(PortalRoles.Admin, "/dashboard", "dashboard intake admin")]
    [InlineData(PortalRoles.Auditor, "/audit", "audit")]
    public async Task Nav_Role_OffersOnlyPagesItMayOpen(string role, string path, string expected)
    {
        using var client = await PortalSession.SignedInClientAsync(server, role);

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var offered = new[] { "queue", "dashboard", "intake", "audit", "admin" }.Where(link => html.Contains($"portal-nav-{link}", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join(' ', offered));
    }
}
