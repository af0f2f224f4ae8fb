using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Katalyst.Portal.Tests.Access;

/// <summary>
/// A portal in OpenID Connect mode. No identity provider runs: the provider's discovery document is given to the
/// handler directly (what it would have fetched from the authority), so the challenge can be observed.
/// </summary>
public sealed class OpenIdConnectPortalServer() : PortalServer(
    new Dictionary<string, string?>
    {
        ["Access:Mode"] = "OpenIdConnect",
        ["Access:OpenIdConnect:Authority"] = Authority,
        ["Access:OpenIdConnect:ClientId"] = "katalyst-portal",
        ["Access:OpenIdConnect:ClientSecret"] = "test-secret",
        ["Access:OpenIdConnect:RoleClaim"] = "groups",
        ["Access:OpenIdConnect:RoleMap:ccw-investigators"] = "Investigator",
    },
    services => services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.Configuration = new OpenIdConnectConfiguration
    {
        Issuer = Authority,
        AuthorizationEndpoint = Authority + "/protocol/openid-connect/auth",
        TokenEndpoint = Authority + "/protocol/openid-connect/token",
    }))
{
    public const string Authority = "https://idp.agency.example/realms/katalyst";
}

public sealed class OpenIdConnectTests(OpenIdConnectPortalServer server) : IClassFixture<OpenIdConnectPortalServer>
{
    [Fact]
    public async Task Schemes_OpenIdConnectMode_RegistersProviderAsChallenge()
    {
        var schemes = server.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        var challenge = await schemes.GetDefaultChallengeSchemeAsync();

        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, challenge?.Name);
    }

    [Fact]
    public async Task GetQueue_SignedOut_ChallengesToTheAuthority()
    {
        using var client = PortalSession.CreateClient(server);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(OpenIdConnectPortalServer.Authority + "/protocol/openid-connect/auth?", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("client_id=katalyst-portal", location.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void MapProviderRoles_MappedAndKnownValues_BecomeKatalystRoles()
    {
        var map = new Dictionary<string, string> { ["ccw-investigators"] = PortalRoles.Investigator };

        var roles = PortalClaims.MapProviderRoles(["ccw-investigators", "Auditor", "payroll"], map);

        Assert.Equal([PortalRoles.Investigator, PortalRoles.Auditor], roles);
    }
}
