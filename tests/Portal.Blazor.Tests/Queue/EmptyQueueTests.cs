using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Queue;

public sealed class EmptyQueueTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task Queue_EmptyStore_ExplainsHowToImport()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);

        var empty = page.Locator(".referral-list-empty");
        await Expect(empty).ToContainTextAsync("No referrals yet");
        await Expect(empty.Locator("code")).ToHaveTextAsync("katalyst import PATH");
        await Expect(page.Locator(".referral-list tbody tr.mud-table-row")).ToHaveCountAsync(0);
    }
}
