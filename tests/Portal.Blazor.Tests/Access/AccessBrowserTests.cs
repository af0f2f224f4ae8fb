using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Access;

public sealed class AccessBrowserTests(SeededPortalServer server, BrowserFixture browser) : IClassFixture<SeededPortalServer>
{
    [Fact]
    public async Task SignIn_InvestigatorThroughForm_SeesQueueWithoutCspViolations()
    {
        var userName = await TestAccounts.ForRoleAsync(server, PortalRoles.Investigator);
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(server.BaseAddress.ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl="));
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var rows = page.Locator(".referral-list tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(25);
        await page.WaitForInteractiveAsync();
        // Interactive under the policy: the pager answers over the circuit.
        var firstOnPageOne = await rows.First.Locator("td").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOnPageOne);
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(page.Locator(".signed-in-user")).ToHaveTextAsync("Test " + userName);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task AuditPage_Auditor_FindsInvestigatorSignIn()
    {
        var investigator = await TestAccounts.ForRoleAsync(server, PortalRoles.Investigator);
        var first = await browser.NewPageAsync();
        await PortalSession.SignInAsync(first, server, investigator, TestAccounts.Password);
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Auditor);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/audit$"));
        await page.Locator(".audit-log[data-interactive=yes]").WaitForAsync();
        await page.Locator(".audit-user input").FillAsync(investigator);
        await page.Locator(".audit-search").ClickAsync();

        var row = page.Locator(".audit-list tbody tr.mud-table-row").Filter(new() { HasText = "signin" }).First;
        await Expect(row).ToContainTextAsync(investigator);
        await Expect(row).ToContainTextAsync("127.0.0.1");
    }

    [Fact]
    public async Task UnitsPage_AdminCreatesUnit_ListsItAndAuditsWithCircuitAddress()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Admin);
        await page.GotoAsync(new Uri(server.BaseAddress, "admin/units").ToString());

        await page.Locator(".units-admin[data-interactive=yes]").WaitForAsync();
        await page.Locator(".unit-code input").FillAsync("MLT-CCW");
        await page.Locator(".unit-name input").FillAsync("Multan CCW");
        await page.Locator(".unit-create").ClickAsync();

        await Expect(page.Locator(".units-table")).ToContainTextAsync("Multan CCW");
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Katalyst.Referrals.Store.Access.AuditLogStore>(server.Services);
        var entries = await store.SearchAsync(new(Action: Katalyst.Portal.Audit.AuditActions.UnitCreated, Target: "MLT-CCW"), 0, 10, TestContext.Current.CancellationToken);
        var entry = Assert.Single(entries.Items);
        Assert.Equal(TestAccounts.UserNameFor(PortalRoles.Admin), entry.UserName);
        Assert.Equal("127.0.0.1", entry.RemoteAddress);
    }
}
