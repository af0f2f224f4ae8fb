using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Dashboard;

public sealed class DashboardBrowserTests(DashboardPortalServer server, BrowserFixture browser) : IClassFixture<DashboardPortalServer>
{
    [Fact]
    public async Task Dashboard_Supervisor_ShowsAgencyFiguresAndRendersCharts()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Supervisor);
        await OpenAsync(page);

        await Expect(page.Locator(".dashboard-open")).ToHaveTextAsync("11");
        await Expect(page.Locator(".dashboard-this-month")).ToHaveTextAsync("4");
        await Expect(page.Locator(".dashboard-median")).ToHaveTextAsync("2 h 30 min");
        await Expect(page.Locator(".dashboard-reviewed")).ToHaveTextAsync("over 4 reviewed referrals");
        foreach (var chart in new[] { "received", "tiers", "status", "units" })
        {
            await Expect(page.Locator($".dashboard-{chart} svg").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator(".dashboard-tiers .dashboard-figures tr").Last).ToHaveTextAsync("Not scored yet11");
        await Expect(page.Locator(".dashboard-units .dashboard-figures tr")).ToHaveTextAsync(["No unit9", DashboardPortalServer.UnitName + "2"]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "portal-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task Dashboard_UnitInvestigator_ShowsOnlyTheirUnitsFigures()
    {
        var page = await browser.NewPageAsync();
        await PortalSession.SignInAsync(page, server, DashboardPortalServer.UnitInvestigator, TestAccounts.Password);
        await OpenAsync(page);

        await Expect(page.Locator(".dashboard-scope")).ToContainTextAsync("Your unit, " + DashboardPortalServer.UnitName);
        await Expect(page.Locator(".dashboard-open")).ToHaveTextAsync("2");
        await Expect(page.Locator(".dashboard-this-month")).ToHaveTextAsync("3");
        await Expect(page.Locator(".dashboard-median")).ToHaveTextAsync("3 h 0 min");
        await Expect(page.Locator(".dashboard-units .dashboard-figures tr")).ToHaveTextAsync([DashboardPortalServer.UnitName + "2"]);
    }

    [Fact]
    public async Task Dashboard_InvestigatorWithoutUnit_ToldWhyNoFigures()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        await OpenAsync(page);

        await Expect(page.Locator(".dashboard-no-unit")).ToContainTextAsync("belongs to no unit");
        await Expect(page.Locator(".dashboard-open")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NavDashboardLink_Supervisor_OpensDashboard()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Supervisor);
        await page.WaitForInteractiveAsync();

        await page.Locator(".portal-nav-dashboard").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/dashboard", StringComparison.Ordinal));
        await Expect(page.Locator(".dashboard-open")).ToHaveTextAsync("11");
    }

    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "dashboard").ToString());
        await Expect(page.Locator(".dashboard[data-interactive=yes]")).ToBeVisibleAsync();
    }
}
