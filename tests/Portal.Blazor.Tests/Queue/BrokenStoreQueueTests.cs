using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Queue;

public sealed class BrokenStoreQueueTests(BrokenStorePortalServer server, BrowserFixture browser) : IClassFixture<BrokenStorePortalServer>
{
    [Fact]
    public async Task Queue_StoreUnreadable_ShowsErrorNotEmptyState()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        await page.WaitForInteractiveAsync(); // the live page, not only its prerendered copy, names the fault

        await Expect(page.Locator(".referral-list-error")).ToContainTextAsync("The referral store could not be read");
        await Expect(page.Locator(".referral-list-error")).ToContainTextAsync("no such table: referrals");
        await Expect(page.Locator(".referral-list-empty")).ToHaveCountAsync(0);
    }
}
