using System.Globalization;
using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Access;

/// <summary>A seeded portal of its own: these tests give referrals to units.</summary>
public sealed class ScopedPortalServer : SeededPortalServer;

/// <summary>An investigator sees their own, their unit's and unheld referrals; another unit's stay closed to them.</summary>
public sealed class ReferralScopeTests(ScopedPortalServer server) : IClassFixture<ScopedPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReferralPage_AnotherUnitsReferral_InvestigatorToldItIsHeldElsewhereAndShownNothing()
    {
        var (client, other, _) = await InvestigatorOfUnitAAsync("scope.reader");

        var html = await client.GetStringAsync(new Uri($"referrals/{other}", UriKind.Relative), Ct);

        Assert.Contains($"Referral {other} is held by another unit", html, StringComparison.Ordinal);
        Assert.DoesNotContain("referral-incident", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_AnotherUnitsReferral_ForbiddenBeforeAnyFileIsLookedUp()
    {
        var (client, other, own) = await InvestigatorOfUnitAAsync("scope.viewer");

        using var refused = await client.GetAsync(new Uri($"media/{other}/f1/preview", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("held by another unit", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var scopes = server.Services.GetRequiredService<ReferralScopes>();
        var investigator = Principal("scope.viewer", PortalRoles.Investigator);
        Assert.True(await scopes.MaySeeAsync(investigator, long.Parse(own, CultureInfo.InvariantCulture), Ct));
        Assert.True(await scopes.MaySeeAsync(investigator, server.Referrals[4].ReportId, Ct)); // held by no unit
        Assert.False(await scopes.MaySeeAsync(investigator, long.Parse(other, CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Scopes_Supervisor_SeesEveryReferral()
    {
        var scopes = server.Services.GetRequiredService<ReferralScopes>();

        Assert.Null(await scopes.ForAsync(Principal("s", PortalRoles.Supervisor, PortalRoles.Investigator), Ct));
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string name, params string[] roles) => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, name), .. roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r))], "test"));

    // Unit A holds referral [2], unit B holds [3]; the investigator belongs to unit A.
    private async Task<(HttpClient Client, string Other, string Own)> InvestigatorOfUnitAAsync(string userName)
    {
        var units = server.Services.GetRequiredService<UnitStore>();
        var a = await units.FindAsync("SCOPE-A", Ct) is { } found ? found.Id : await units.CreateAsync("SCOPE-A", "Scope test unit A", Ct);
        var b = await units.FindAsync("SCOPE-B", Ct) is { } foundB ? foundB.Id : await units.CreateAsync("SCOPE-B", "Scope test unit B", Ct);
        var own = server.Referrals[2].ReportId;
        var other = server.Referrals[3].ReportId;
        var queue = server.Services.GetRequiredService<QueueStore>();
        await queue.AssignAsync([own], null, (int)a, Ct);
        await queue.AssignAsync([other], null, (int)b, Ct);
        var users = server.Services.GetRequiredService<UserStore>();
        var hash = server.Services.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(null!, TestAccounts.Password);
        await users.CreateAsync(new NewUserAccount(userName, "Test " + userName, hash, a, [PortalRoles.Investigator]), Ct);
        var client = PortalSession.CreateClient(server);
        using var signedIn = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (client, other.ToString(CultureInfo.InvariantCulture), own.ToString(CultureInfo.InvariantCulture));
    }
}
