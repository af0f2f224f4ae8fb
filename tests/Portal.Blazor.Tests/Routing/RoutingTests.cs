using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Routing;

/// <summary>Routing in the portal: the admin's rules page and the referral's "Location and routing" section.</summary>
public sealed class RoutingTests(ImportedPortalServer server, BrowserFixture browser) : IClassFixture<ImportedPortalServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RoutingPage_AdminAddsAndRemovesRule_ListedAndAudited()
    {
        var code = "RT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await server.Services.GetRequiredService<UnitStore>().CreateAsync(code, "Routing test unit", Token);
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Admin);
        await page.GotoAsync(new Uri(server.BaseAddress, "admin/routing").ToString());
        await Expect(page.Locator(".routing-admin[data-interactive=yes]")).ToBeVisibleAsync();

        await page.Locator(".rule-province input").FillAsync("Gilgit-Baltistan");
        await page.Locator(".rule-unit").SelectOptionAsync(new SelectOptionValue { Label = $"{code} · Routing test unit" });
        await page.Locator(".rule-add").ClickAsync();

        await Expect(page.Locator(".admin-message")).ToContainTextAsync("Rule for Gilgit-Baltistan added.");
        var row = page.Locator(".routing-table tbody tr", new() { HasText = "Gilgit-Baltistan" });
        await Expect(row).ToContainTextAsync(code);
        await row.Locator(".rule-remove").ClickAsync();
        await Expect(page.Locator(".admin-message")).ToContainTextAsync("Rule for Gilgit-Baltistan removed.");
        await Expect(row).ToHaveCountAsync(0);
        var audit = server.Services.GetRequiredService<AuditLogStore>();
        var added = await audit.SearchAsync(new(Action: AuditActions.RoutingRuleAdded), 0, 10, Token);
        var removed = await audit.SearchAsync(new(Action: AuditActions.RoutingRuleRemoved), 0, 10, Token);
        Assert.Contains(added.Items, e => e.Target == "Gilgit-Baltistan" && e.UserName == TestAccounts.UserNameFor(PortalRoles.Admin));
        Assert.Contains(removed.Items, e => e.Target == "Gilgit-Baltistan");
    }

    [Fact]
    public async Task RoutingPage_RuleWithoutUnit_RefusedSayingSo()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Admin);
        await page.GotoAsync(new Uri(server.BaseAddress, "admin/routing").ToString());
        await Expect(page.Locator(".routing-admin[data-interactive=yes]")).ToBeVisibleAsync();

        await page.Locator(".rule-province input").FillAsync("Azad Kashmir");
        await page.Locator(".rule-add").ClickAsync();

        await Expect(page.Locator(".admin-message")).ToContainTextAsync("A routing rule needs a unit: pick one.");
    }

    [Fact]
    public async Task ReferralPage_GeneratedReferral_ShowsWhereItWasPlacedAndWhy()
    {
        var reportId = server.Generated[0];
        var routing = server.Services.GetRequiredService<ReferralRoutingStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await routing.GetAsync(reportId, Token) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token); // the portal routes in the background every few seconds
        }

        var stored = await routing.GetAsync(reportId, Token);
        Assert.NotNull(stored);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        var html = await client.GetStringAsync(new Uri($"referrals/{reportId}", UriKind.Relative), Token);

        Assert.Contains("Location and routing", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(stored.Reason), html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(stored.Location.Evidence), html, StringComparison.Ordinal);
    }
}
