using System.Net;
using System.Security.Claims;
using Katalyst.Portal.Access;
using Katalyst.Portal.Admin;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Access;

/// <summary>A portal that locks an account after three wrong passwords.</summary>
public sealed class LockoutPortalServer() : PortalServer(new Dictionary<string, string?> { ["Access:MaxFailedSignIns"] = "3", ["Access:LockoutMinutes"] = "10" })
{
    public const int MaxFailedSignIns = 3;
}

public sealed class LocalSignInTests(LockoutPortalServer server) : IClassFixture<LockoutPortalServer>
{
    [Fact]
    public async Task PostSignIn_WrongPassword_ShowsErrorAndCountsFailure()
    {
        var userName = await TestAccounts.EnsureAsync(server, "count.me", [PortalRoles.Investigator]);
        using var client = PortalSession.CreateClient(server);

        using var response = await PortalSession.PostSignInAsync(client, userName, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(LocalSignIn.WrongCredentials), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(1, (await Users.FindAsync(userName, TestContext.Current.CancellationToken))!.FailedSignIns);
    }

    [Fact]
    public async Task PostSignIn_TooManyWrongPasswords_LocksEvenTheRightOne()
    {
        var userName = await TestAccounts.EnsureAsync(server, "lockout.victim", [PortalRoles.Investigator]);
        using var client = PortalSession.CreateClient(server);
        for (var i = 0; i < LockoutPortalServer.MaxFailedSignIns; i++)
        {
            using var wrong = await PortalSession.PostSignInAsync(client, userName, "wrong-" + i);
        }

        using var right = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True((await Users.FindAsync(userName, TestContext.Current.CancellationToken))!.IsLockedAt(DateTimeOffset.UtcNow));
        var locked = await AuditAsync(new AuditSearch(User: userName, Action: AuditActions.AccountLocked));
        Assert.Single(locked.Items);
        Assert.Single((await AuditAsync(new AuditSearch(User: userName, Action: AuditActions.SignInLockedOut))).Items);
    }

    [Fact]
    public async Task UnlockAsync_ByAdmin_LetsLockedUserSignIn()
    {
        var userName = await TestAccounts.EnsureAsync(server, "freed.user", [PortalRoles.Investigator]);
        using var client = PortalSession.CreateClient(server);
        for (var i = 0; i < LockoutPortalServer.MaxFailedSignIns; i++)
        {
            using var wrong = await PortalSession.PostSignInAsync(client, userName, "wrong-" + i);
        }

        await using (var scope = AdminScope())
        {
            var account = (await Users.FindAsync(userName, TestContext.Current.CancellationToken))!;
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().UnlockAsync(account, TestContext.Current.CancellationToken);
        }

        using var right = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var unlocked = Assert.Single((await AuditAsync(new AuditSearch(Action: AuditActions.UserUnlocked, Target: userName))).Items);
        Assert.Equal("test.admin", unlocked.UserName);
    }

    [Fact]
    public async Task PostSignIn_RightPassword_AuditsSignInWithAddress()
    {
        var userName = await TestAccounts.EnsureAsync(server, "audit.me", [PortalRoles.Supervisor]);
        using var client = PortalSession.CreateClient(server);
        using var wrong = await PortalSession.PostSignInAsync(client, userName, "wrong");

        using var right = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var entries = (await AuditAsync(new AuditSearch(User: userName))).Items;
        Assert.Equal([AuditActions.SignIn, AuditActions.SignInFailed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.RemoteAddress));
        Assert.Equal(0, (await Users.FindAsync(userName, TestContext.Current.CancellationToken))!.FailedSignIns);
    }

    [Fact]
    public async Task PostSignIn_UnknownUser_AuditsFailureWithTypedName()
    {
        using var client = PortalSession.CreateClient(server);

        using var response = await PortalSession.PostSignInAsync(client, "nobody.here", "whatever-password");

        Assert.Contains(WebUtility.HtmlEncode(LocalSignIn.WrongCredentials), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var entry = Assert.Single((await AuditAsync(new AuditSearch(User: "nobody.here"))).Items);
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Equal("unknown user", entry.Detail);
    }

    [Fact]
    public async Task PostSignIn_DisabledAccount_IsRefused()
    {
        var userName = await TestAccounts.EnsureAsync(server, "disabled.one", [PortalRoles.Investigator]);
        var account = (await Users.FindAsync(userName, TestContext.Current.CancellationToken))!;
        await Users.SetActiveAsync(account.Id, false, TestContext.Current.CancellationToken);
        using var client = PortalSession.CreateClient(server);

        using var response = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is disabled", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUserAsync_ByAdmin_StoresOnlyAPbkdf2Hash()
    {
        const string password = "initial-password-42";
        await using (var scope = AdminScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateUserAsync("hashed.user", "Hashed User", password, [PortalRoles.Investigator], null, TestContext.Current.CancellationToken);
        }

        var account = (await Users.FindAsync("hashed.user", TestContext.Current.CancellationToken))!;
        Assert.NotNull(account.PasswordHash);
        Assert.DoesNotContain(password, account.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(account.PasswordHash)[0]); // Identity v3 format: PBKDF2
        var hasher = new PasswordHasher<UserAccount>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(account, account.PasswordHash, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(account, account.PasswordHash, password + "x"));
    }

    [Fact]
    public async Task CreateUserAsync_ShortPassword_NamesTheRule()
    {
        await using var scope = AdminScope();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateUserAsync("short.pw", "Short", "short", [PortalRoles.Investigator], null, TestContext.Current.CancellationToken));

        Assert.StartsWith("Password: at least 12 characters", error.Message, StringComparison.Ordinal);
    }

    private UserStore Users => server.Services.GetRequiredService<UserStore>();

    private Task<AuditEntryPage> AuditAsync(AuditSearch search) =>
        server.Services.GetRequiredService<AuditLogStore>().SearchAsync(search, 0, 50, TestContext.Current.CancellationToken);

    // A service scope acting as an administrator, as a circuit does after sign-in.
    private AsyncServiceScope AdminScope()
    {
        var scope = server.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "test.admin"), new Claim(ClaimTypes.Role, PortalRoles.Admin)], "test", ClaimTypes.Name, ClaimTypes.Role);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return scope;
    }
}
