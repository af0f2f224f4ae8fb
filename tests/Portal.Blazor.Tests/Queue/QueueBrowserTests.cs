using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Queue;

public sealed class QueueBrowserTests(SeededPortalServer server, BrowserFixture browser) : IClassFixture<SeededPortalServer>
{
    private const int PageSize = 25;

    // The scored referral first (tier 1), then the unscored ones oldest first.
    private IEnumerable<string> ExpectedOrder =>
        server.Referrals.Take(1).Concat(server.Referrals.Skip(1).Reverse()).Select(r => r.ReportId.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task Queue_FirstPage_ScoredFirstThenOldestUnscored()
    {
        var page = await OpenAsync("");

        await Expect(Rows(page).Locator("td:first-child")).ToHaveTextAsync(ExpectedOrder.Take(PageSize).ToArray());
        await Expect(Rows(page).Nth(1)).ToContainTextAsync(server.Referrals[^1].ReceivedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "portal-queue.png"), FullPage = true });
    }

    [Fact]
    public async Task Queue_ScoredReferral_ShowsTierChipScoreReasonAndStatus()
    {
        var page = await OpenAsync("");

        var first = Rows(page).First;
        await Expect(first.Locator(".referral-tier")).ToHaveTextAsync("1 IMMEDIATE");
        await Expect(first).ToContainTextAsync("0.97");
        await Expect(first.Locator(".referral-reason")).ToHaveTextAsync("The texts arrange an offline meeting with a child.");
        await Expect(first.Locator(".queue-status")).ToHaveTextAsync("New");
        await Expect(Rows(page).Nth(1).Locator(".referral-unscored")).ToHaveTextAsync("not scored yet");
    }

    [Fact]
    public async Task Queue_TierChipHover_ShowsReasons()
    {
        var page = await OpenAsync("");

        await Rows(page).First.Locator(".referral-tier").HoverAsync();

        await Expect(page.Locator(".mud-tooltip").Filter(new() { HasText = "offline meeting" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Queue_Pager_ShowsTotal()
    {
        var page = await OpenAsync("");

        await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync($"of {server.Referrals.Count}");
    }

    [Fact]
    public async Task Queue_NextPage_ShowsNextReferrals()
    {
        var page = await OpenAsync("");
        await Expect(Rows(page)).ToHaveCountAsync(PageSize);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        await Expect(Rows(page).Locator("td:first-child")).ToHaveTextAsync(ExpectedOrder.Skip(PageSize).Take(PageSize).ToArray());
    }

    [Fact]
    public async Task Queue_TextFilterApplied_ChangesRowsAndUrl()
    {
        var page = await OpenAsync("");
        await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("of 60");

        await page.Locator(".queue-filter-text input").FillAsync("homework");
        await page.Locator(".queue-apply").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=homework$"));
        await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("of 20");
    }

    [Fact]
    public async Task Queue_BookmarkedFilterUrl_ShowsFilteredQueueAndFilledBar()
    {
        var page = await OpenAsync("?tier=1");

        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First.Locator("td:first-child")).ToHaveTextAsync(server.Referrals[0].ReportId.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator(".queue-filter-tier")).ToContainTextAsync("1 IMMEDIATE");
    }

    [Fact]
    public async Task Queue_BadUrlValue_NamesTheKey()
    {
        var page = await OpenAsync("?tier=9");

        await Expect(page.Locator(".referral-list-error")).ToContainTextAsync("URL value tier='9' is not a tier 1 to 5.");
    }

    [Fact]
    public async Task Queue_RowClick_OpensReferralPage()
    {
        var page = await OpenAsync("");

        await Rows(page).First.Locator("td").Nth(2).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/referrals/{server.Referrals[0].ReportId}$"));
    }

    [Fact]
    public async Task Queue_WithoutBulkEdit_HidesSelectionAndBulkActions()
    {
        var page = await OpenAsync("");
        await Expect(Rows(page)).ToHaveCountAsync(PageSize);

        await Expect(page.Locator(".queue-bulk")).ToHaveCountAsync(0);
        await Expect(Rows(page).First.Locator("input[type=checkbox]")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsync(string query)
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        await page.OpenInteractiveAsync(server.BaseAddress + query);
        return page;
    }

    private static ILocator Rows(IPage page) => page.Locator(".referral-list tbody tr.mud-table-row");
}
