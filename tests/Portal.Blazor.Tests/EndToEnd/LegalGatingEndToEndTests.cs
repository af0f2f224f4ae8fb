using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Evidence;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 4's acceptance test for legal gating: a file the ESP did not view stays locked for an investigator (on the
/// page and at the media endpoint) and unlocks for them after a supervisor records legal authority.
/// </summary>
public sealed class LegalGatingEndToEndTests(ImportedPortalServer server, BrowserFixture browser) : IClassFixture<ImportedPortalServer>
{
    private const string Warrant = "W-TEST-2026-0042";

    [Fact]
    public async Task LockedFile_StaysLockedForInvestigator_UnlocksAfterSupervisorRecordsAuthority()
    {
        var (reportId, _, locked) = await EvidenceFiles.MixedReferralAsync(server);
        var previewUrl = new Uri(server.BaseAddress, $"media/{reportId}/{locked.FileId}/preview").ToString();

        var investigator = await OpenAsync(PortalRoles.Investigator, reportId);
        var card = investigator.Locator($".evidence-file[data-file-id='{locked.FileId}']");
        await Expect(card).ToHaveAttributeAsync("data-state", "locked");
        await Expect(card.Locator(".evidence-lock-reason")).ToContainTextAsync("The ESP did not view this file");
        await Expect(card.Locator(".evidence-reveal")).ToHaveCountAsync(0);
        await Expect(investigator.Locator(".evidence-locked-summary")).ToBeVisibleAsync();
        await Expect(investigator.Locator(".evidence-authority-form")).ToHaveCountAsync(0);
        var refused = await investigator.Context.APIRequest.GetAsync(previewUrl);
        Assert.Equal((int)HttpStatusCode.Forbidden, refused.Status);

        var supervisor = await OpenAsync(PortalRoles.Supervisor, reportId);
        await Expect(supervisor.Locator($".evidence-file[data-file-id='{locked.FileId}']")).ToHaveAttributeAsync("data-state", "locked");
        await supervisor.Locator(".evidence-authority-record").ClickAsync();
        await Expect(supervisor.Locator(".evidence-authority-error")).ToContainTextAsync("authority reference");
        await supervisor.Locator(".evidence-authority-reference-input input").FillAsync(Warrant);
        await supervisor.Locator(".evidence-authority-note-input textarea").FillAsync("Synthetic test authorisation, all files of the referral.");
        await supervisor.Locator(".evidence-authority-record").ClickAsync();
        await Expect(supervisor.Locator(".evidence-authority")).ToContainTextAsync(Warrant);
        await Expect(supervisor.Locator($".evidence-file[data-file-id='{locked.FileId}']")).ToHaveAttributeAsync("data-state", "blurred");

        await investigator.ReloadAsync();
        await investigator.Locator(".referral-page[data-interactive=yes]").WaitForAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "blurred");
        await Expect(investigator.Locator(".evidence-authority")).ToContainTextAsync(TestAccountsName(PortalRoles.Supervisor));
        var allowed = await investigator.Context.APIRequest.GetAsync(previewUrl);
        Assert.Equal((int)HttpStatusCode.OK, allowed.Status);
        await card.Locator(".evidence-reveal").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "revealed");

        var audit = await server.Services.GetRequiredService<AuditLogStore>().SearchAsync(
            new AuditSearch { Action = AuditActions.LegalAuthorityRecorded, Target = reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            0, 10, TestContext.Current.CancellationToken);
        var entry = Assert.Single(audit.Items);
        Assert.Equal(TestAccountsName(PortalRoles.Supervisor), entry.UserName);
        Assert.Contains(Warrant, entry.Detail, StringComparison.Ordinal);
    }

    private static string TestAccountsName(string role) => TestAccounts.UserNameFor(role);

    private async Task<IPage> OpenAsync(string role, long reportId)
    {
        var page = await browser.NewSignedInPageAsync(server, role);
        await page.GotoAsync(new Uri(server.BaseAddress, $"referrals/{reportId}").ToString());
        await page.Locator(".referral-page[data-interactive=yes]").WaitForAsync();
        return page;
    }
}
