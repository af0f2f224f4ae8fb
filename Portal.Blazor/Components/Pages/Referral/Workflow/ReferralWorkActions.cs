using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Components.Pages.Referral.Workflow;

/// <summary>
/// The work panel's actions, each checked against the signed-in person's roles here on the server (not only by
/// what the panel shows), carried out by <see cref="WorkflowStore"/> under the state machine, and audited.
/// Investigators take referrals of their unit (or of none) and move their own; supervisors also assign, move any,
/// reopen and override tiers. A refusal is a <see cref="WorkflowRefusedException"/> whose message says why.
/// </summary>
public sealed class ReferralWorkActions(WorkflowStore store, UserStore users, AuthenticationStateProvider authentication, AuditLog audit)
{
    /// <summary>The signed-in person.</summary>
    /// <exception cref="WorkflowRefusedException">Nobody is signed in.</exception>
    public async Task<WorkActor> ActorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            throw new WorkflowRefusedException("Sign in to work on referrals.");
        }

        var account = await users.FindAsync(name);
        return new WorkActor(name, account?.Id, account?.UnitId, user.IsInRole(PortalRoles.Investigator), user.IsInRole(PortalRoles.Supervisor));
    }

    /// <summary>Assigns the referral to the signed-in person (and to their unit when it has none).</summary>
    public async Task TakeAsync(long reportId)
    {
        var actor = await RequireAsync(supervisorOnly: false, "take referrals", reportId);
        var state = await RequireStateAsync(reportId);
        if (actor.UserId is not { } userId)
        {
            throw new WorkflowRefusedException($"Referral {reportId}: {actor.UserName} has no account in the portal's store, so no referral can be assigned to them.");
        }

        if (!actor.IsSupervisor && state.UnitId is { } unit && unit != actor.UnitId)
        {
            throw new WorkflowRefusedException($"Referral {reportId} belongs to another unit; an investigator takes referrals of their own unit or of none.");
        }

        await store.AssignAsync(reportId, userId, state.UnitId ?? actor.UnitId, actor.UserName);
        await audit.RecordAsync(AuditActions.Assigned, Target(reportId), $"taken by {actor.UserName}" + (state.AssigneeUserId is { } previous && previous != userId ? $" from user {previous}" : ""));
    }

    /// <summary>Assigns the referral to a person and a unit (either may be null). Supervisors only.</summary>
    public async Task AssignAsync(long reportId, long? userId, long? unitId, string description)
    {
        var actor = await RequireAsync(supervisorOnly: true, "assign referrals to others", reportId);
        await store.AssignAsync(reportId, userId, unitId, actor.UserName);
        await audit.RecordAsync(AuditActions.Assigned, Target(reportId), description);
    }

    /// <summary>Moves the referral to another status with a reason. Investigators move only referrals assigned to them.</summary>
    public async Task MoveAsync(long reportId, ReferralStatus to, string? reason)
    {
        var actor = await RequireAsync(supervisorOnly: false, "move referrals", reportId);
        var state = await RequireStateAsync(reportId);
        if (!actor.IsSupervisor && (actor.UserId is null || state.AssigneeUserId != actor.UserId))
        {
            throw new WorkflowRefusedException($"Referral {reportId} is not assigned to you; take it first (the referral is {state.Status.ToDisplayName()}).");
        }

        await store.MoveAsync(reportId, to, actor.UserName, actor.IsSupervisor, reason);
        var detail = $"{state.Status.ToDisplayName()} → {to.ToDisplayName()}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
        await audit.RecordAsync(AuditActions.StatusChanged, Target(reportId), detail);
    }

    /// <summary>Overrides the referral's tier with a reason, kept as a training label. Supervisors only.</summary>
    public async Task OverrideTierAsync(long reportId, int tier, string reason)
    {
        var actor = await RequireAsync(supervisorOnly: true, "override tiers", reportId);
        var state = await RequireStateAsync(reportId);
        await store.OverrideTierAsync(reportId, tier, reason, actor.UserName);
        var from = state.EffectiveTier is { } t ? t.ToString(CultureInfo.InvariantCulture) : "none";
        await audit.RecordAsync(AuditActions.TierOverridden, Target(reportId), $"tier {from} → {tier.ToString(CultureInfo.InvariantCulture)}: {reason.Trim()}");
    }

    /// <summary>
    /// Clears the referral's tier override with a reason, so the queue orders it by the model's tier again; the override's
    /// label is kept for training. Supervisors only; audited.
    /// </summary>
    public async Task ClearTierOverrideAsync(long reportId, string reason)
    {
        var actor = await RequireAsync(supervisorOnly: true, "clear tier overrides", reportId);
        var cleared = await store.ClearTierOverrideAsync(reportId, reason, actor.UserName);
        await audit.RecordAsync(AuditActions.TierOverrideCleared, Target(reportId), $"override {cleared.ToString(CultureInfo.InvariantCulture)} cleared: {reason.Trim()}");
    }

    /// <summary>Adds a note to the referral.</summary>
    public async Task AddNoteAsync(long reportId, string text)
    {
        var actor = await RequireAsync(supervisorOnly: false, "add notes", reportId);
        await store.AddNoteAsync(reportId, text, actor.UserName);
        await audit.RecordAsync(AuditActions.NoteAdded, Target(reportId), $"{text.Trim().Length} characters");
    }

    private static string Target(long reportId) => reportId.ToString(CultureInfo.InvariantCulture);

    // The role check behind every action: the panel hides what a role may not do, and this refuses it anyway.
    private async Task<WorkActor> RequireAsync(bool supervisorOnly, string what, long reportId)
    {
        var actor = await ActorAsync();
        var allowed = supervisorOnly ? actor.IsSupervisor : actor.IsCaseWorker;
        var roles = supervisorOnly ? PortalRoles.Supervisor : "Investigator or Supervisor";
        return allowed
            ? actor
            : throw new WorkflowRefusedException($"Referral {reportId}: {actor.UserName} may not {what}; that needs the {roles} role.");
    }

    private async Task<ReferralWorkState> RequireStateAsync(long reportId) =>
        await store.GetAsync(reportId) ?? throw new WorkflowRefusedException($"Referral {reportId}: the store holds no such referral.");
}
