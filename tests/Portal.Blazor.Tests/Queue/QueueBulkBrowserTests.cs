using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Queue;

public sealed class QueueBulkBrowserTests(BulkEditPortalServer server, BrowserFixture browser) : IClassFixture<BulkEditPortalServer>
{
    [Fact]
    public async Task Queue_BulkMarkReviewedThenAgain_ChangesThenRefusesWithReason()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Supervisor);
        var id = server.Referrals[0].ReportId.ToString(CultureInfo.InvariantCulture);
        await page.OpenInteractiveAsync(server.BaseAddress + "?tier=1");
        var row = page.Locator(".referral-list tbody tr.mud-table-row").First;
        await Expect(row.Locator(".queue-status")).ToHaveTextAsync("New");

        await row.Locator("input[type=checkbox]").ClickAsync();
        await page.Locator(".queue-bulk-reviewed").ClickAsync();

        await Expect(page.Locator(".queue-bulk-result")).ToContainTextAsync("Marked reviewed: 1. Refused: 0.");
        await Expect(row.Locator(".queue-status")).ToHaveTextAsync("In review");
        Assert.EndsWith("?tier=1", page.Url, StringComparison.Ordinal);

        await row.Locator("input[type=checkbox]").ClickAsync();
        await page.Locator(".queue-bulk-reviewed").ClickAsync();

        await Expect(page.Locator(".queue-bulk-refusal")).ToHaveTextAsync($"Referral {id}: it is In review; only New referrals can be marked reviewed.");
    }
}
