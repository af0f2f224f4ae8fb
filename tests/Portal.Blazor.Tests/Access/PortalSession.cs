using System.Net;
using System.Text.RegularExpressions;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Playwright;

namespace Katalyst.Portal.Tests.Access;

/// <summary>Signs in to a test portal: over HTTP (cookies and the form's antiforgery token) or in the browser.</summary>
public static partial class PortalSession
{
    /// <summary>A client that keeps cookies and does not follow redirects, so tests can read them.</summary>
    public static HttpClient CreateClient(PortalServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    /// <summary>Fetches the sign-in form and posts it, as a browser would; returns the response.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync(new Uri("signin", UriKind.Relative));
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("signin", UriKind.Relative), content);
    }

    /// <summary>A client signed in as the test account of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalServer server, string role)
    {
        var userName = await TestAccounts.ForRoleAsync(server, role);
        var client = CreateClient(server);
        using var response = await PostSignInAsync(client, userName, TestAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>Signs in through the form in the browser and waits until the portal has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, PortalServer server, string userName, string password)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "signin").ToString());
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>A new browser page signed in as the test account of <paramref name="role"/>, at the portal's root.</summary>
    public static async Task<IPage> NewSignedInPageAsync(this BrowserFixture browser, PortalServer server, string role)
    {
        var userName = await TestAccounts.ForRoleAsync(server, role);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, server, userName, TestAccounts.Password);
        return page;
    }

    /// <summary>
    /// Opens <paramref name="address"/> and waits until the circuit has taken over the prerendered page, so
    /// that the test's next click reaches the server rather than a copy of the page with nothing behind it.
    /// </summary>
    public static async Task OpenInteractiveAsync(this IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the page's layout reports an interactive circuit.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator(".portal-shell[data-interactive=yes]").WaitForAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
