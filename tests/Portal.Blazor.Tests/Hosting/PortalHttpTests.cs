using System.Net;
using System.Text.RegularExpressions;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;

namespace Katalyst.Portal.Tests.Hosting;

public sealed partial class PortalHttpTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task GetRoot_Always_ReturnsPageWithAppBarTitle()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(AppBarTitle(), html);
    }

    [Fact]
    public async Task GetRoot_Prerendered_SaysLoadingNotNoReferrals()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        // The prerendered page has not asked the store yet: claiming "no referrals" there would mislead.
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Loading referrals", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No referrals yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRoot_Always_LinksOnlyLocalStylesAndScriptsThatAreServed()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        // MapStaticAssets fingerprints the names, e.g. MudBlazor.min.k4r0it8844.css.
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out _), $"'{asset}' is fetched from another host.");
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"'{asset}' answered {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("""class="mud-appbar[^"]*"[\s\S]*?>\s*Katalyst\s*<""")]
    private static partial Regex AppBarTitle();

    [GeneratedRegex(""""<(?:link[^>]*\bhref|script[^>]*\bsrc)="(?<url>[^"]+)"""")]
    private static partial Regex AssetReference();
}
