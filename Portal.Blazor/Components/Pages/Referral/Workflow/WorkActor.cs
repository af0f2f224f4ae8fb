namespace Katalyst.Portal.Components.Pages.Referral.Workflow;

/// <summary>The signed-in person as the workflow sees them: name, account, unit and the roles that matter here.</summary>
/// <param name="UserName">The sign-in name, recorded with every action.</param>
/// <param name="UserId">The local account's id; null when the person has no account in the store (then they cannot take work).</param>
/// <param name="UnitId">The person's unit, or null.</param>
/// <param name="IsInvestigator">Holds the Investigator role.</param>
/// <param name="IsSupervisor">Holds the Supervisor role.</param>
public sealed record WorkActor(string UserName, long? UserId, long? UnitId, bool IsInvestigator, bool IsSupervisor)
{
    /// <summary>True when the person works referrals at all (Investigator or Supervisor).</summary>
    public bool IsCaseWorker => IsInvestigator || IsSupervisor;
}
