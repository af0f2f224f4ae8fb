using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Components.Pages.Referral.Workflow;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Workflow;

/// <summary>The work panel's actions called directly, as a circuit would call them: the role checks hold on the server.</summary>
public sealed class WorkActionsRoleTests(SeededPortalServer server) : IClassFixture<SeededPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AssignAsync_Investigator_RefusedAndUnchanged()
    {
        var id = server.Referrals[1].ReportId;
        await using var scope = await ScopeAsync(PortalRoles.Investigator);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).AssignAsync(id, 1, null, "to user 1"));

        Assert.Equal($"Referral {id}: test.investigator may not assign referrals to others; that needs the Supervisor role.", error.Message);
        Assert.Null((await Store.GetAsync(id, Ct))!.AssigneeUserId);
    }

    [Fact]
    public async Task OverrideTierAsync_Investigator_RefusedAndNoLabel()
    {
        var id = server.Referrals[2].ReportId;
        await using var scope = await ScopeAsync(PortalRoles.Investigator);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).OverrideTierAsync(id, 1, "a reason"));

        Assert.Contains("that needs the Supervisor role", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await Store.LabelsAsync(ReferralLabel.TierOverrideKind, Ct), l => l.ReportId == id);
    }

    [Fact]
    public async Task ClearTierOverrideAsync_Investigator_RefusedAndOverrideKept()
    {
        var id = server.Referrals[5].ReportId;
        await Store.OverrideTierAsync(id, 2, "Escalated by the ESP.", "test.setup", Ct);
        await using var scope = await ScopeAsync(PortalRoles.Investigator);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).ClearTierOverrideAsync(id, "a reason"));

        Assert.Contains("that needs the Supervisor role", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.GetAsync(id, Ct))!.TierOverride);
    }

    [Fact]
    public async Task ClearTierOverrideAsync_Supervisor_ClearedAuditedAndLabelKept()
    {
        var id = server.Referrals[6].ReportId;
        await Store.OverrideTierAsync(id, 1, "Meeting arranged.", "test.setup", Ct);
        await using var scope = await ScopeAsync(PortalRoles.Supervisor);

        await Actions(scope).ClearTierOverrideAsync(id, "The meeting was a school trip.");

        Assert.Null((await Store.GetAsync(id, Ct))!.TierOverride);
        Assert.Contains(await Store.LabelsAsync(ReferralLabel.TierOverrideKind, Ct), l => l.ReportId == id && l.Value == "1");
        var audit = await server.Services.GetRequiredService<Katalyst.Referrals.Store.Access.AuditLogStore>().SearchAsync(
            new(Action: Katalyst.Portal.Audit.AuditActions.TierOverrideCleared), 0, 10, Ct);
        var entry = Assert.Single(audit.Items, e => e.Target == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("override 1 cleared: The meeting was a school trip.", entry.Detail);
    }

    [Fact]
    public async Task MoveAsync_InvestigatorOnSomeoneElsesReferral_Refused()
    {
        var id = server.Referrals[3].ReportId;
        await Store.AssignAsync(id, 999, null, "test.setup", Ct);
        await using var scope = await ScopeAsync(PortalRoles.Investigator);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).MoveAsync(id, ReferralStatus.Investigating, null));

        Assert.Equal($"Referral {id} is not assigned to you; take it first (the referral is Assigned).", error.Message);
    }

    [Fact]
    public async Task MoveAsync_InvestigatorReopensOwnClosed_RefusedSupervisorReopens()
    {
        var id = server.Referrals[4].ReportId;
        await using var investigator = await ScopeAsync(PortalRoles.Investigator);
        await Actions(investigator).TakeAsync(id);
        await Actions(investigator).MoveAsync(id, ReferralStatus.Closed, "Duplicate of another referral");

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(investigator).MoveAsync(id, ReferralStatus.InReview, "More facts"));
        await using var supervisor = await ScopeAsync(PortalRoles.Supervisor);
        await Actions(supervisor).MoveAsync(id, ReferralStatus.InReview, "A related referral arrived.");

        Assert.Contains("only a supervisor may reopen it (Closed → In review)", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.InReview, (await Store.GetAsync(id, Ct))!.Status);
        var audit = await server.Services.GetRequiredService<AuditLogStore>().SearchAsync(
            new AuditSearch(Action: AuditActions.StatusChanged, Target: id.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0, 10, Ct);
        Assert.Equal(["Closed → In review: A related referral arrived.", "Assigned → Closed: Duplicate of another referral"], audit.Items.Select(e => e.Detail));
    }

    [Fact]
    public async Task AddNoteAsync_Auditor_Refused()
    {
        var id = server.Referrals[5].ReportId;
        await using var scope = await ScopeAsync(PortalRoles.Auditor);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).AddNoteAsync(id, "A note."));

        Assert.Equal($"Referral {id}: test.auditor may not add notes; that needs the Investigator or Supervisor role.", error.Message);
        Assert.Empty(await Store.NotesAsync(id, Ct));
    }

    [Fact]
    public async Task TakeAsync_InvestigatorOnAnotherUnitsReferral_Refused()
    {
        var id = server.Referrals[6].ReportId;
        await Store.AssignAsync(id, null, 4242, "test.setup", Ct);
        await using var scope = await ScopeAsync(PortalRoles.Investigator);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Actions(scope).TakeAsync(id));

        Assert.Equal($"Referral {id} belongs to another unit; an investigator takes referrals of their own unit or of none.", error.Message);
    }

    private WorkflowStore Store => server.Services.GetRequiredService<WorkflowStore>();

    private static ReferralWorkActions Actions(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ReferralWorkActions>();

    // A service scope signed in as the role's test account, as a circuit is after sign-in.
    private async Task<AsyncServiceScope> ScopeAsync(string role)
    {
        var userName = await TestAccounts.ForRoleAsync(server, role);
        var account = await server.Services.GetRequiredService<UserStore>().FindAsync(userName, Ct);
        var scope = server.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(PortalClaims.For(account!))));
        return scope;
    }
}
