using System.Data.Common;
using Katalyst.Portal.Access;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.AspNetCore.Components;

namespace Katalyst.Portal.Components.Pages.Referral.Workflow;

/// <summary>
/// The referral's work: status, assignee, unit and tier, the moves the signed-in person may make, assignment and
/// tier override for supervisors, the status history and the notes. What it shows follows the person's roles;
/// <see cref="ReferralWorkActions"/> checks them again on every action.
/// </summary>
public sealed partial class WorkPanel
{
    private ReferralWorkState? state;
    private WorkActor? actor;
    private IReadOnlyList<ReferralNote> notes = [];
    private IReadOnlyList<UserAccount> people = [];
    private IReadOnlyList<AgencyUnit> units = [];
    private string? message;
    private string? error;
    private string moveTo = "";
    private string reason = "";
    private string noteText = "";
    private string assignUser = "";
    private string assignUnit = "";
    private string overrideTier = "";
    private string overrideReason = "";

    /// <summary>The referral's report number. Required.</summary>
    [Parameter, EditorRequired]
    public long ReportId { get; set; }

    [Inject]
    private WorkflowStore Store { get; set; } = default!;

    [Inject]
    private WorkflowOptions Options { get; set; } = default!;

    [Inject]
    private ReferralWorkActions Actions { get; set; } = default!;

    [Inject]
    private UserStore Users { get; set; } = default!;

    [Inject]
    private UnitStore Units { get; set; } = default!;

    [Inject]
    private ILogger<WorkPanel> Logger { get; set; } = default!;

    private bool IsMine => state?.AssigneeUserId is { } id && id == actor?.UserId;

    private bool CanMove => actor is { IsSupervisor: true } || IsMine;

    private bool CanTake => actor is { IsCaseWorker: true, UserId: not null } && state is not null && !IsMine
        && ReferralWorkflow.AssignRefusal(state.Status) is null
        && (actor.IsSupervisor || state.UnitId is null || state.UnitId == actor.UnitId);

    private IReadOnlyList<ReferralStatus> Moves => state is null || actor is null || !CanMove ? [] : ReferralWorkflow.MovesFrom(state.Status, actor.IsSupervisor);

    private ReferralStatus? MoveTarget => Moves.Where(s => s.ToCode() == moveTo).Select(s => (ReferralStatus?)s).FirstOrDefault();

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        try
        {
            actor = await Actions.ActorAsync();
            units = await Units.ListAsync();
            people = [.. (await Users.ListAsync()).Where(u => u.IsActive && u.Roles.Any(r => r is PortalRoles.Investigator or PortalRoles.Supervisor))];
            await ReloadAsync();
        }
        catch (DbException exception)
        {
            LogLoadFailed(Logger, ReportId, exception);
            error = $"The referral's work state could not be read: {exception.Message}";
        }
        catch (WorkflowRefusedException refused)
        {
            error = refused.Message;
        }
    }

    private async Task ReloadAsync()
    {
        state = await Store.GetAsync(ReportId);
        notes = await Store.NotesAsync(ReportId);
    }

    private string PersonName(long? id) => id is null ? "nobody" : people.FirstOrDefault(p => p.Id == id)?.DisplayName ?? $"user {id}";

    private string UnitName(long? id) => id is null ? "no unit" : units.FirstOrDefault(u => u.Id == id)?.Name ?? $"unit {id}";

    private Task TakeAsync() => RunAsync(() => Actions.TakeAsync(ReportId), "You have taken this referral.");

    private Task MoveAsync() => MoveTarget is { } to
        ? RunAsync(() => Actions.MoveAsync(ReportId, to, reason), $"Moved to {to.ToDisplayName()}.")
        : Refuse("Pick the status to move to.");

    private Task AddNoteAsync() => RunAsync(async () =>
    {
        await Actions.AddNoteAsync(ReportId, noteText);
        noteText = "";
    }, "Note added.");

    private Task AssignAsync()
    {
        long? userId = long.TryParse(assignUser, out var u) ? u : null;
        long? unitId = long.TryParse(assignUnit, out var n) ? n : null;
        var description = $"to {PersonName(userId)}, {UnitName(unitId)}";
        return RunAsync(() => Actions.AssignAsync(ReportId, userId, unitId, description), $"Assigned {description}.");
    }

    private Task OverrideAsync() => int.TryParse(overrideTier, out var tier)
        ? RunAsync(() => Actions.OverrideTierAsync(ReportId, tier, overrideReason), $"Tier set to {tier}.")
        : Refuse("Pick a tier, 1 to 5.");

    // The same reason field serves both: a clearing needs its reason as much as an override does.
    private Task ClearOverrideAsync() =>
        RunAsync(() => Actions.ClearTierOverrideAsync(ReportId, overrideReason), "Tier override cleared; the model's tier orders the queue again.");

    private Task Refuse(string why)
    {
        message = null;
        error = why;
        return Task.CompletedTask;
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        message = null;
        error = null;
        try
        {
            await action();
            message = done;
            moveTo = "";
            reason = "";
        }
        catch (WorkflowRefusedException refused)
        {
            error = refused.Message;
        }
        catch (DbException exception)
        {
            LogActionFailed(Logger, ReportId, exception);
            error = $"The store could not record the action: {exception.Message}";
        }

        await ReloadAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The work state of referral {ReportId} could not be read")]
    private static partial void LogLoadFailed(ILogger logger, long reportId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A workflow action on referral {ReportId} failed in the store")]
    private static partial void LogActionFailed(ILogger logger, long reportId, Exception exception);
}
