using Katalyst.Portal.Access;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Evidence;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 4's acceptance flow: an investigator signs in, opens the top referral of the queue, reveals one preview
/// (one deliberate click), sees the file as received, blurs it again, takes the referral and closes it with a reason
/// from the list; an auditor finds the reveal in the log.
/// </summary>
public sealed class EvidenceRevealEndToEndTests(ImportedPortalServer server, BrowserFixture browser) : IClassFixture<ImportedPortalServer>
{
    [Fact]
    public async Task Investigator_TopReferralRevealTakeAndClose_FullImageShownAndAuditorFindsEntry()
    {
        var (reportId, open, locked) = await EvidenceFiles.MixedReferralAsync(server);
        // Put that referral at the top of the queue: tier 1 with a higher score than the other seeded ones.
        await new ReferralScoreStore(server.DataSource).SaveAsync(
            [ImportedPortalServer.SeededScore with { ReportId = reportId, Score = 0.99 }], TestContext.Current.CancellationToken);
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        await page.OpenInteractiveAsync(server.BaseAddress.ToString());
        var rows = page.Locator(".referral-list tbody tr.mud-table-row");
        await Expect(rows.First.Locator("td:first-child")).ToHaveTextAsync(reportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(page, "queue.png", "Queue");

        await rows.First.Locator("td").Nth(2).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/referrals/{reportId}$"));
        await page.Locator(".referral-page[data-interactive=yes]").WaitForAsync();
        var card = page.Locator($".evidence-file[data-file-id='{open.FileId}']");
        await Expect(card).ToHaveAttributeAsync("data-state", "blurred");
        await Expect(card.Locator(".evidence-wellness")).ToContainTextAsync("recorded in the audit log");
        await ExpectLoadedAsync(card.Locator("img.evidence-preview"), $"media/{reportId}/{open.FileId}/preview");
        var lockedCard = page.Locator($".evidence-file[data-file-id='{locked.FileId}']");
        await Expect(lockedCard).ToHaveAttributeAsync("data-state", "locked");
        await Expect(lockedCard.Locator("img")).ToHaveCountAsync(0);

        await card.Locator(".evidence-reveal").ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-state", "revealed");
        await ExpectLoadedAsync(card.Locator("img.evidence-full"), $"media/{reportId}/{open.FileId}/full");
        await Screenshots.SaveAsync(page, "referral-evidence.png", "Referral page with one file revealed");
        await card.Locator(".evidence-reblur").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "blurred");
        await Expect(card.Locator("img.evidence-full")).ToHaveCountAsync(0);
        var afterReblur = await page.Context.APIRequest.GetAsync(new Uri(server.BaseAddress, $"media/{reportId}/{open.FileId}/full").ToString());
        Assert.Equal(403, afterReblur.Status); // blurring again withdrew the reveal on the server

        var panel = page.Locator(".workflow-panel");
        await panel.Locator(".workflow-take").ClickAsync();
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Assigned");
        await panel.Locator(".workflow-move-to").SelectOptionAsync("closed");
        await panel.Locator(".workflow-reason").SelectOptionAsync("Insufficient information to act");
        await panel.Locator(".workflow-move").ClickAsync();
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Closed");
        await Expect(panel.Locator(".workflow-end-reason")).ToHaveTextAsync("Insufficient information to act");

        var auditor = await browser.NewSignedInPageAsync(server, PortalRoles.Auditor);
        await auditor.GotoAsync(new Uri(server.BaseAddress, "audit").ToString());
        await auditor.Locator(".audit-log[data-interactive=yes]").WaitForAsync();
        await auditor.Locator(".audit-target input").FillAsync(EvidenceFile.RevealTarget(reportId, open.FileId));
        await auditor.Locator(".audit-search").ClickAsync();
        var entry = auditor.Locator(".audit-list tbody tr.mud-table-row").Filter(new() { HasText = "media.revealed" });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(TestAccounts.UserNameFor(PortalRoles.Investigator));
    }

    // The image came from the authorised endpoint and decoded: the browser reports its natural size.
    private static async Task ExpectLoadedAsync(ILocator image, string source)
    {
        await Expect(image).ToHaveAttributeAsync("src", source);
        await image.EvaluateAsync("i => i.complete ? null : new Promise(r => { i.onload = r; i.onerror = r; })");
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, $"{source} did not load as an image");
    }
}
