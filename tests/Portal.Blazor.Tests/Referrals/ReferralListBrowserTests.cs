using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Referrals;

public sealed class ReferralListBrowserTests(SeededPortalServer server, BrowserFixture browser) : IClassFixture<SeededPortalServer>
{
    private const int PageSize = 25;

    [Fact]
    public async Task ReferralList_FirstPage_ShowsNewestReferralFirst()
    {
        var page = await OpenListAsync();
        var newest = server.Referrals[0];

        await Expect(Rows(page).First.Locator("td").First).ToHaveTextAsync(newest.ReportId.ToString(CultureInfo.InvariantCulture));
        await Expect(Rows(page).First).ToContainTextAsync(newest.ReceivedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
        await Expect(Rows(page)).ToHaveCountAsync(PageSize);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "portal.png"), FullPage = true });
    }

    [Fact]
    public async Task ReferralList_ScoredReferral_ShowsTierScoreAndReason()
    {
        var page = await OpenListAsync();

        var first = Rows(page).First;
        await Expect(first.Locator(".referral-tier")).ToHaveTextAsync("1 IMMEDIATE");
        await Expect(first).ToContainTextAsync("0.97");
        await Expect(first.Locator(".referral-reason")).ToHaveTextAsync("The texts arrange an offline meeting with a child.");
        await Expect(Rows(page).Nth(1).Locator(".referral-unscored")).ToHaveTextAsync("not scored yet");
    }

    [Fact]
    public async Task ReferralList_Pager_ShowsTotal()
    {
        var page = await OpenListAsync();

        await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync($"of {server.Referrals.Count}");
    }

    [Fact]
    public async Task ReferralList_NextPage_ShowsNextReferrals()
    {
        var page = await OpenListAsync();
        await Expect(Rows(page)).ToHaveCountAsync(PageSize);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        var expected = server.Referrals.Skip(PageSize).Take(PageSize).Select(r => r.ReportId.ToString(CultureInfo.InvariantCulture));
        await Expect(Rows(page).Locator("td:first-child")).ToHaveTextAsync(expected.ToArray());
    }

    private async Task<IPage> OpenListAsync()
    {
        return await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
    }

    private static ILocator Rows(IPage page) => page.Locator(".referral-list tbody tr.mud-table-row");
}
