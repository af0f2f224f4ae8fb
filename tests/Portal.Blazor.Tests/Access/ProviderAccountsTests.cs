using System.Security.Claims;
using Dapper;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Access;

/// <summary>
/// People signing in through the identity provider are kept in users. The provider is a true boundary: these tests hand
/// <see cref="ProviderAccounts"/> the claims a validated token would carry.
/// </summary>
public sealed class ProviderAccountsTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly OpenIdConnectAccessOptions Provider = new()
    {
        RoleClaim = "groups",
        RoleMap = new(StringComparer.Ordinal) { ["ccw-investigators"] = PortalRoles.Investigator, ["ccw-leads"] = PortalRoles.Supervisor },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UserStore Users => server.Services.GetRequiredService<UserStore>();

    [Fact]
    public async Task SignedInAsync_NewPerson_SavedWithSubjectNameEmailAndMappedRoles()
    {
        var identity = Token("sub-new-1", "idp.new", "Nadia Example", "nadia@agency.example", "ccw-investigators", "payroll");

        var refusal = await SignInAsync(identity);

        Assert.Null(refusal);
        var account = (await Users.FindAsync("idp.new", Ct))!;
        Assert.Equal(("Nadia Example", true, (string?)null), (account.DisplayName, account.IsActive, account.PasswordHash));
        Assert.Equal([PortalRoles.Investigator], account.Roles);
        Assert.Equal(("sub-new-1", "nadia@agency.example"), await SubjectAndEmailAsync(account.Id));
        Assert.Equal(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), identity.FindFirst(ClaimTypes.NameIdentifier)!.Value);
        Assert.True(new ClaimsPrincipal(identity).IsInRole(PortalRoles.Investigator));
    }

    [Fact]
    public async Task SignedInAsync_SecondSignInWithOtherGroupsAndName_SameAccountRefreshed()
    {
        Assert.Null(await SignInAsync(Token("sub-again-1", "idp.again", "Old Name", "old@agency.example", "ccw-investigators")));
        var first = (await Users.FindAsync("idp.again", Ct))!;

        Assert.Null(await SignInAsync(Token("sub-again-1", "idp.again.renamed", "New Name", "new@agency.example", "ccw-leads")));

        var account = (await Users.FindAsync("idp.again.renamed", Ct))!;
        Assert.Equal(first.Id, account.Id);
        Assert.Equal("New Name", account.DisplayName);
        Assert.Equal([PortalRoles.Supervisor], account.Roles);
        Assert.Equal(("sub-again-1", "new@agency.example"), await SubjectAndEmailAsync(account.Id));
        Assert.Null(await Users.FindAsync("idp.again", Ct));
    }

    [Fact]
    public async Task SignedInAsync_AccountDisabledInPortal_RefusedNamingIt()
    {
        Assert.Null(await SignInAsync(Token("sub-off-1", "idp.off", "Off", null, "ccw-investigators")));
        await Users.SetActiveAsync((await Users.FindAsync("idp.off", Ct))!.Id, isActive: false, Ct);
        var identity = Token("sub-off-1", "idp.off", "Off", null, "ccw-investigators");

        var refusal = await SignInAsync(identity);

        Assert.Equal("The account 'idp.off' is disabled. Ask an administrator.", refusal);
        Assert.Null(identity.FindFirst(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task SignedInAsync_NameOfALocalAccount_RefusedNotTakenOver()
    {
        await TestAccounts.EnsureAsync(server, "test.local-only", [PortalRoles.Admin]);

        var refusal = await SignInAsync(Token("sub-taker-1", "test.local-only", "Taker", null, "ccw-investigators"));

        Assert.Contains("User name 'test.local-only' belongs to a local account", refusal, StringComparison.Ordinal);
        Assert.Equal([PortalRoles.Admin], (await Users.FindAsync("test.local-only", Ct))!.Roles);
    }

    [Fact]
    public async Task SignedInAsync_NoSubject_Refused()
    {
        var identity = new ClaimsIdentity([new Claim("preferred_username", "idp.nosub")], "oidc", "preferred_username", ClaimTypes.Role);

        var refusal = await SignInAsync(identity);

        Assert.Equal("The identity provider sent no 'sub' claim, so the person cannot be recognised.", refusal);
        Assert.Null(await Users.FindAsync("idp.nosub", Ct));
    }

    private static ClaimsIdentity Token(string subject, string userName, string name, string? email, params string[] groups)
    {
        var claims = new List<Claim> { new("sub", subject), new("preferred_username", userName), new("name", name) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        claims.AddRange(groups.Select(g => new Claim("groups", g)));
        return new ClaimsIdentity(claims, "oidc", "preferred_username", ClaimTypes.Role);
    }

    private async Task<string?> SignInAsync(ClaimsIdentity identity)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProviderAccounts>().SignedInAsync(identity, Provider, Ct);
    }

    private async Task<(string? Subject, string? Email)> SubjectAndEmailAsync(long userId)
    {
        await using var connection = await server.Services.GetRequiredService<StoreDataSource>().OpenAsync(Ct);
        return await connection.QuerySingleAsync<(string?, string?)>(new CommandDefinition(
            "SELECT subject, email FROM users WHERE id = @UserId", new { UserId = userId }, cancellationToken: Ct));
    }
}
