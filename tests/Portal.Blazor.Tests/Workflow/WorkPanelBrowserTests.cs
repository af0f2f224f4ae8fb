using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Workflow;

public sealed class WorkPanelBrowserTests(ImportedPortalServer server, BrowserFixture browser) : IClassFixture<ImportedPortalServer>
{
    [Fact]
    public async Task WorkPanel_InvestigatorTakesInvestigatesNotesAndCloses_EachStepAudited()
    {
        var id = server.Generated[1];
        var page = await OpenAsync(PortalRoles.Investigator, id);
        var panel = page.Locator(".workflow-panel");
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("New");

        await panel.Locator(".workflow-take").ClickAsync();
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Assigned");
        await Expect(panel.Locator(".workflow-assignee")).ToHaveTextAsync("you");

        await MoveAsync(panel, "investigating");
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Investigating");

        await panel.Locator(".workflow-note-text").FillAsync("Asked the platform to preserve the account.");
        await panel.Locator(".workflow-add-note").ClickAsync();
        await Expect(panel.Locator(".workflow-note-body")).ToHaveTextAsync("Asked the platform to preserve the account.");
        await Expect(panel.Locator(".workflow-note-meta")).ToContainTextAsync(TestAccounts.UserNameFor(PortalRoles.Investigator));

        await MoveAsync(panel, "closed");
        await Expect(panel.Locator(".workflow-error")).ToContainTextAsync("Investigating → Closed needs a reason from the list");
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Investigating");

        await panel.Locator(".workflow-reason").SelectOptionAsync("Outside jurisdiction");
        await panel.Locator(".workflow-move").ClickAsync();
        await Expect(panel.Locator(".workflow-status")).ToHaveTextAsync("Closed");
        await Expect(panel.Locator(".workflow-end-reason")).ToHaveTextAsync("Outside jurisdiction");
        await Expect(panel.Locator(".workflow-move-to")).ToHaveCountAsync(0);

        var audit = await AuditAsync(id);
        Assert.Equal(
            [AuditActions.Assigned, AuditActions.StatusChanged, AuditActions.NoteAdded, AuditActions.StatusChanged],
            audit.Where(e => e.Action != AuditActions.ReferralOpened).Select(e => e.Action));
        Assert.Contains(audit, e => e.Detail == "Investigating → Closed: Outside jurisdiction");
        Assert.All(audit, e => Assert.Equal(TestAccounts.UserNameFor(PortalRoles.Investigator), e.UserName));
    }

    [Fact]
    public async Task WorkPanel_SupervisorOverridesTierWithReason_QueueShowsTheNewTier()
    {
        var id = server.Generated[2];
        var page = await OpenAsync(PortalRoles.Supervisor, id);
        var panel = page.Locator(".workflow-panel");

        await panel.Locator(".workflow-override-tier").SelectOptionAsync("1");
        await panel.Locator(".workflow-override").ClickAsync();
        await Expect(panel.Locator(".workflow-error")).ToContainTextAsync("A tier override needs a reason");

        await panel.Locator(".workflow-override-reason").FillAsync("The chat arranges a meeting this week.");
        await panel.Locator(".workflow-override").ClickAsync();
        await Expect(panel.Locator(".workflow-tier")).ToContainTextAsync("1 IMMEDIATE");
        await Expect(panel.Locator(".workflow-tier-overridden")).ToBeVisibleAsync();

        await page.OpenInteractiveAsync(server.BaseAddress + "?tier=1");
        var row = page.Locator(".referral-list tbody tr.mud-table-row").Filter(new() { HasText = id.ToString(CultureInfo.InvariantCulture) });
        await Expect(row.Locator(".referral-tier")).ToHaveTextAsync("1 IMMEDIATE");

        var overridden = Assert.Single(await AuditAsync(id), e => e.Action == AuditActions.TierOverridden);
        Assert.Equal("tier none → 1: The chat arranges a meeting this week.", overridden.Detail);
        var label = Assert.Single(await server.Services.GetRequiredService<WorkflowStore>().LabelsAsync(ReferralLabel.TierOverrideKind, TestContext.Current.CancellationToken), l => l.ReportId == id);
        Assert.Equal(("1", "The chat arranges a meeting this week."), (label.Value, label.Reason));
    }

    [Fact]
    public async Task WorkPanel_Investigator_SeesNoSupervisorActions()
    {
        var page = await OpenAsync(PortalRoles.Investigator, server.Generated[3]);
        var panel = page.Locator(".workflow-panel");

        await Expect(panel.Locator(".workflow-take")).ToBeVisibleAsync();
        await Expect(panel.Locator(".workflow-supervisor")).ToHaveCountAsync(0);
        await Expect(panel.Locator(".workflow-assign")).ToHaveCountAsync(0);
        await Expect(panel.Locator(".workflow-override")).ToHaveCountAsync(0);
        // Not theirs yet: no moves until they take it.
        await Expect(panel.Locator(".workflow-move-to")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WorkPanel_AssignedToSomeoneElse_SaysSoBeforeTaking()
    {
        var id = server.Generated[4];
        var supervisor = await server.Services.GetRequiredService<UserStore>().FindAsync(await TestAccounts.ForRoleAsync(server, PortalRoles.Supervisor), TestContext.Current.CancellationToken);
        await server.Services.GetRequiredService<WorkflowStore>().AssignAsync(id, supervisor!.Id, null, supervisor.UserName, TestContext.Current.CancellationToken);

        var page = await OpenAsync(PortalRoles.Investigator, id);

        await Expect(page.Locator(".workflow-deconfliction")).ToContainTextAsync($"{supervisor.DisplayName} already has this referral (Assigned)");
        await Expect(page.Locator(".workflow-take")).ToHaveTextAsync("Take it over");
    }

    private static async Task MoveAsync(ILocator panel, string statusCode)
    {
        await panel.Locator(".workflow-move-to").SelectOptionAsync(statusCode);
        await panel.Locator(".workflow-move").ClickAsync();
    }

    private async Task<IPage> OpenAsync(string role, long reportId)
    {
        var page = await browser.NewSignedInPageAsync(server, role);
        await page.GotoAsync(server.BaseAddress + $"referrals/{reportId}");
        await Expect(page.Locator(".referral-page[data-interactive=yes]")).ToBeVisibleAsync();
        return page;
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(long reportId)
    {
        var entries = await server.Services.GetRequiredService<AuditLogStore>().SearchAsync(
            new AuditSearch(Target: reportId.ToString(CultureInfo.InvariantCulture)), 0, 100, TestContext.Current.CancellationToken);
        return [.. entries.Items.OrderBy(e => e.Id)];
    }
}
