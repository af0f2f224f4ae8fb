namespace Katalyst.Portal.Access;

/// <summary>The portal's roles (issue 4). A person may hold several.</summary>
public static class PortalRoles
{
    /// <summary>Works referrals assigned to them or to their unit.</summary>
    public const string Investigator = "Investigator";

    /// <summary>Assigns work, records legal authority, overrides tiers, sees the unit's work.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Manages users, units and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads the audit log, nothing else.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Roles that work referrals: every page of the queue is open to them.</summary>
    public const string CaseWork = Investigator + "," + Supervisor;

    /// <summary>Roles that may upload packages for import.</summary>
    public const string Intake = Supervisor + "," + Admin;

    /// <summary>
    /// Roles that see the dashboard: supervisors and administrators the whole agency's figures, investigators
    /// their own unit's (<c>DashboardScope</c>).
    /// </summary>
    public const string Dashboard = Investigator + "," + Supervisor + "," + Admin;

    /// <summary>Roles that see the scoring service's status and edit the tier rules.</summary>
    public const string ScoringSettings = Supervisor + "," + Admin;

    /// <summary>Every role, in the order the portal lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Investigator, Supervisor, Admin, Auditor];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/> (exact spelling).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
