using System.Net;
using Katalyst.Portal.Tests.Hosting;

namespace Katalyst.Portal.Tests.Access;

public sealed class SignedOutTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/admin/units")]
    public async Task GetPage_SignedOut_RedirectsToSignIn(string path)
    {
        using var client = PortalSession.CreateClient(server);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBlazorNegotiate_SignedOut_IsRefused()
    {
        using var client = PortalSession.CreateClient(server);

        using var response = await client.PostAsync(new Uri("_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task GetSignIn_SignedOut_ShowsFormWithAntiforgeryToken()
    {
        using var client = PortalSession.CreateClient(server);

        var html = await client.GetStringAsync(new Uri("signin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSignIn_Always_SendsSecurityHeaders()
    {
        using var client = PortalSession.CreateClient(server);

        using var response = await client.GetAsync(new Uri("signin", UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task PostSignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = PortalSession.CreateClient(server);
        var userName = await TestAccounts.ForRoleAsync(server, Katalyst.Portal.Access.PortalRoles.Investigator);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestAccounts.Password,
        });

        using var response = await client.PostAsync(new Uri("signin", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("katalyst.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetStaticAsset_SignedOut_IsServed()
    {
        using var client = PortalSession.CreateClient(server);
        var html = await client.GetStringAsync(new Uri("signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(?<url>_content/MudBlazor/[^\"]+\\.css)\"").Groups["url"].Value;

        using var response = await client.GetAsync(new Uri(css, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
