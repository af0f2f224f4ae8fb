using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Hosting;

namespace Katalyst.Portal.Tests.Access;

/// <summary>Which roles open which pages; everyone else is sent to the access-denied page.</summary>
public sealed class RoleMatrixTests(PortalServer server) : IClassFixture<PortalServer>
{
    public static TheoryData<string, string, bool> Matrix => new()
    {
        { PortalRoles.Investigator, "/", true },
        { PortalRoles.Investigator, "/audit", false },
        { PortalRoles.Investigator, "/admin/users", false },
        { PortalRoles.Investigator, "/admin/units", false },
        { PortalRoles.Supervisor, "/", true },
        { PortalRoles.Supervisor, "/audit", false },
        { PortalRoles.Supervisor, "/admin/users", false },
        { PortalRoles.Supervisor, "/admin/units", false },
        { PortalRoles.Admin, "/", false },
        { PortalRoles.Admin, "/audit", false },
        { PortalRoles.Admin, "/admin/users", true },
        { PortalRoles.Admin, "/admin/units", true },
        { PortalRoles.Auditor, "/", false },
        { PortalRoles.Auditor, "/audit", true },
        { PortalRoles.Auditor, "/admin/users", false },
        { PortalRoles.Auditor, "/admin/units", false },
        { PortalRoles.Investigator, "/intake", false },
        { PortalRoles.Supervisor, "/intake", true },
        { PortalRoles.Admin, "/intake", true },
        { PortalRoles.Auditor, "/intake", false },
        { PortalRoles.Investigator, "/admin/scoring", false },
        { PortalRoles.Supervisor, "/admin/scoring", true },
        { PortalRoles.Admin, "/admin/scoring", true },
        { PortalRoles.Auditor, "/admin/scoring", false },
        { PortalRoles.Investigator, "/admin/routing", false },
        { PortalRoles.Supervisor, "/admin/routing", false },
        { PortalRoles.Admin, "/admin/routing", true },
        { PortalRoles.Auditor, "/admin/routing", false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task GetPage_Role_OpensOrIsDenied(string role, string path, bool allowed)
    {
        using var client = await PortalSession.SignedInClientAsync(server, role);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

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

    [Fact]
    public async Task GetAccessDenied_Auditor_NamesTheirRoles()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Auditor);

        var html = await client.GetStringAsync(new Uri("access-denied", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("You do not have access to this page", html, StringComparison.Ordinal);
        Assert.Contains("Auditor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSignOut_SignedIn_EndsSession()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });

        using var signOut = await client.PostAsync(new Uri("signout", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal("/signin", after.Headers.Location!.AbsolutePath);
    }
}
