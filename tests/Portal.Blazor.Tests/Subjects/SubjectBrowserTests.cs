using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Subjects;

/// <summary>An investigator opens a linked referral, sees the deconfliction warning and follows it to the subject.</summary>
public sealed class SubjectBrowserTests(LinkedPortalServer server, BrowserFixture browser) : IClassFixture<LinkedPortalServer>
{
    [Fact]
    public async Task ReferralPage_InvestigatorFollowsTheWarning_SubjectPageListsWhatTheirScopeAllows()
    {
        var page = await browser.NewPageAsync();
        await PortalSession.SignInAsync(page, server, LinkedPortalServer.UnitAInvestigator, TestAccounts.Password);
        await page.OpenInteractiveAsync(server.BaseAddress + $"referrals/{LinkedPortalServer.First}");
        await Expect(page.Locator(".referral-page[data-interactive=yes]")).ToBeVisibleAsync();

        var warning = page.Locator(".linking-deconfliction");
        await Expect(warning).ToContainTextAsync($"Linked to 2 referrals (2 already assigned to {server.SupervisorName}, unit SUBJ-B)");
        await warning.Locator(".linking-subject-link").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith($"/subjects/{server.SubjectId}", StringComparison.Ordinal));
        await Expect(page.Locator(".subject-referral")).ToHaveCountAsync(2);
        await Expect(page.Locator(".subject-hidden")).ToContainTextAsync("1 more referral held by another unit");
        await Expect(page.Locator(".subject-link")).ToHaveTextAsync([$"{LinkedPortalServer.First} and {LinkedPortalServer.Second} share e-mail {LinkedPortalServer.SharedEmail}"]);
        await Expect(page.Locator(".subject-ignored-line")).ToContainTextAsync($"phone {LinkedPortalServer.CommonPhone} was ignored");
        await Expect(page.Locator("svg.subject-graph .subject-graph-node")).ToHaveCountAsync(2);

        await page.Locator($".subject-referral[data-report-id='{LinkedPortalServer.Second}'] .subject-referral-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/referrals/{LinkedPortalServer.Second}", StringComparison.Ordinal));
        await Expect(page.Locator(".linking-deconfliction")).ToContainTextAsync("Linked to 2 referrals (1 already assigned to unit SUBJ-B)");
    }
}
