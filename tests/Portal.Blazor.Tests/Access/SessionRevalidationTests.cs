using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Access;

/// <summary>A session is only as good as the account behind it: disabling or changing an account reaches open sessions.</summary>
public sealed class SessionRevalidationTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UserStore Users => server.Services.GetRequiredService<UserStore>();

    private SessionValidation Sessions => server.Services.GetRequiredService<SessionValidation>();

    [Fact]
    public async Task PageRequest_AccountDisabledAfterSignIn_RedirectsToSignIn()
    {
        await TestAccounts.EnsureAsync(server, "test.to-disable", [PortalRoles.Investigator]);
        using var client = PortalSession.CreateClient(server);
        using (var signedIn = await PortalSession.PostSignInAsync(client, "test.to-disable", TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var before = await client.GetAsync(new Uri("/", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await Users.SetActiveAsync((await Users.FindAsync("test.to-disable", Ct))!.Id, isActive: false, Ct);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/signin", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task CheckAsync_SessionOfActiveUnchangedAccount_Current()
    {
        var account = await AccountAsync("test.session-current", PortalRoles.Investigator);

        var (check, _) = await Sessions.CheckAsync(PortalClaims.For(account), Ct);

        Assert.Equal(SessionCheck.Current, check);
    }

    [Fact]
    public async Task CheckAsync_RolesChangedSinceSignIn_Changed()
    {
        var account = await AccountAsync("test.session-roles", PortalRoles.Investigator);
        var session = PortalClaims.For(account);

        await Users.SetRolesAsync(account.Id, [PortalRoles.Auditor], Ct);
        var (check, stored) = await Sessions.CheckAsync(session, Ct);

        Assert.Equal(SessionCheck.Changed, check);
        Assert.Equal([PortalRoles.Auditor], stored!.Roles);
    }

    [Fact]
    public async Task CheckAsync_AccountDisabledSinceSignIn_Refused()
    {
        var account = await AccountAsync("test.session-disabled", PortalRoles.Supervisor);
        var session = PortalClaims.For(account);

        await Users.SetActiveAsync(account.Id, isActive: false, Ct);

        Assert.Equal(SessionCheck.Refused, (await Sessions.CheckAsync(session, Ct)).Check);
    }

    [Fact]
    public async Task AuthenticationStateProvider_InCircuits_RevalidatesAgainstTheStore()
    {
        await using var scope = server.Services.CreateAsyncScope();

        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        Assert.IsType<RevalidatingAuthenticationState>(provider);
        Assert.Equal(5, new AccessOptions().RevalidateMinutes);
    }

    private async Task<UserAccount> AccountAsync(string userName, string role)
    {
        await TestAccounts.EnsureAsync(server, userName, [role]);
        return (await Users.FindAsync(userName, Ct))!;
    }
}
