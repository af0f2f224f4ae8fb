using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Admin;

/// <summary>The scoring admin page against the real scoring service.</summary>
public sealed class ScoringAdminBrowserTests(ScoringAdminPortalServer server, BrowserFixture browser) : IClassFixture<ScoringAdminPortalServer>
{
    [Fact]
    public async Task ScoringPage_ServiceRunning_ShowsModelsProviderAndRules()
    {
        var page = await OpenAsync(PortalRoles.Admin);

        await Expect(page.Locator(".scoring-status")).ToContainTextAsync("is answering");
        await Expect(page.Locator(".scoring-provider")).ToHaveTextAsync("Cpu");
        await Expect(page.Locator(".scoring-models")).ToContainTextAsync("text-indicators");
        await Expect(page.Locator(".scoring-models")).ToContainTextAsync("tier1_recall");
        await Expect(page.Locator(".scoring-models .model-source").First).ToContainTextAsync("katalyst train");
        await Expect(page.Locator(".scoring-models .model-licence").First).ToContainTextAsync("Katalyst's own");
        await Expect(page.Locator(".scoring-models .model-caveats").First).ToContainTextAsync("generated referrals");
        await Expect(page.Locator(".media-models-problem")).ToContainTextAsync("Media:Models:Enabled is false");
        await Expect(page.Locator(".rules-table .rule-name input").First).ToHaveValueAsync("esp-escalation");
    }

    [Fact]
    public async Task ScoringPage_SupervisorAddsRule_SavedToTheServiceAndAudited()
    {
        var page = await OpenAsync(PortalRoles.Supervisor);
        var rows = page.Locator(".rules-table tbody tr");
        var before = await rows.CountAsync();

        await page.Locator(".rule-add").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await rows.Last.Locator(".rule-name input").FillAsync("prior-reports");
        await rows.Last.Locator(".rule-reason input").FillAsync("Test policy: suspects with prior reports are looked at first.");
        await page.Locator(".rules-save").ClickAsync();

        await Expect(page.Locator(".rules-message")).ToContainTextAsync($"Saved: {before + 1} rules are in force.");
        Assert.Contains("prior-reports", await File.ReadAllTextAsync(Path.Combine(server.ModelsPath, "rules.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var audit = server.Services.GetRequiredService<Katalyst.Referrals.Store.Access.AuditLogStore>();
        var entries = await audit.SearchAsync(new(Action: Katalyst.Portal.Audit.AuditActions.TierRulesChanged), 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(TestAccounts.UserNameFor(PortalRoles.Supervisor), Assert.Single(entries.Items).UserName);
    }

    [Fact]
    public async Task ScoringPage_RuleWithoutReason_NotSavedAndTheRuleIsNamed()
    {
        var page = await OpenAsync(PortalRoles.Admin);
        var rows = page.Locator(".rules-table tbody tr");
        var before = await rows.CountAsync();

        await page.Locator(".rule-add").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await rows.Last.Locator(".rule-name input").FillAsync("no-reason");
        await page.Locator(".rules-save").ClickAsync();

        await Expect(page.Locator(".rules-message")).ToContainTextAsync($"Not saved: rules[{before}].reason is empty");
    }

    private async Task<IPage> OpenAsync(string role)
    {
        var page = await browser.NewSignedInPageAsync(server, role);
        await page.GotoAsync(new Uri(server.BaseAddress, "admin/scoring").ToString());
        await Expect(page.Locator(".scoring-admin[data-interactive=yes]")).ToBeVisibleAsync();
        await Expect(page.Locator(".rules-table .rule-name input").First).ToBeVisibleAsync(); // the rules have come from the service
        return page;
    }
}
